package org.certfree.proofs.publication;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A publication batch; see V5__publication.sql (published rows are guarded by a trigger). */
@Entity
@Table(name = "publication_batch")
public class PublicationBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;

    public String title;

    @Enumerated(EnumType.STRING)
    public BatchStatus status;

    @Column(name = "authority_code")
    public String authorityCode;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "log_index")
    public Integer logIndex;

    @Column(name = "previous_hash")
    public String previousHash;

    /** The canonical (RFC 8785) manifest text, exactly the bytes that are hashed and signed. */
    public String manifest;

    @Column(name = "manifest_hash")
    public String manifestHash;

    /** JWS by the publishing authority over the batch statement (which binds the manifest hash); null while pending. */
    public String signature;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
