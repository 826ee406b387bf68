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

/** The data an issuing department holds about a subject for one matter; see V21__proofs.sql and V33__personal_data_at_rest.sql. */
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

    /** The claims as JSON, encrypted ({@link SubjectRecords#claims}): addresses, spouses' names … (V33). */
    @Column(name = "claims_enc")
    public String claimsEnc;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
