package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change in a publication batch; see V5__publication.sql. */
@Entity
@Table(name = "publication_entry")
public class BatchEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "batch_id")
    public Long batchId;

    public int seq;

    @Enumerated(EnumType.STRING)
    public EntryAction action;

    @Column(name = "matter_code")
    public String matterCode;

    @Enumerated(EnumType.STRING)
    public ListKind kind;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "department_code")
    public String departmentCode;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> scenarios;

    /** The full matter content as published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode content;

    public String reason;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "log_index")
    public Integer logIndex;
}
