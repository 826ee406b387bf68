package org.certfree.proofs.proof;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The data an issuing department holds about a subject for one matter; see V21__proofs.sql. */
@Entity
@Table(name = "subject_record")
public class SubjectRecord extends PanacheEntityBase {

    /** (department, matter, subject blind index). */
    @Embeddable
    public record Key(
            @Column(name = "issuer_dept") String issuerDept,
            @Column(name = "matter_code") String matterCode,
            @Column(name = "subject_id_index") String subjectIdIndex) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Column(name = "subject_name_enc")
    public String subjectNameEnc;

    @Column(name = "subject_id_enc")
    public String subjectIdEnc;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> claims = new LinkedHashMap<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
