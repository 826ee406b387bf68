package org.certfree.proofs.keys.pki;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A certificate of a department's SM2 signing key (see V50__department_certificates.sql). */
@Entity
@Table(name = "department_certificate")
public class DepartmentCertificate extends PanacheEntityBase {

    /** Where a certificate came from. */
    public enum Source {
        /** Issued by this service's demo root when the key was made (demo mode). */
        DEMO_ROOT,
        /** Issued by an external CA for the service's CSR and uploaded by an ADMIN. */
        UPLOADED
    }

    /** Hex SHA-256 of the DER. */
    @Id
    public String fingerprint;

    public String kid;

    @Column(name = "department_code")
    public String departmentCode;

    /** Hex. */
    public String serial;

    /** RFC 4514. */
    public String issuer;

    /** DER of the leaf. */
    public byte[] certificate;

    /** Concatenated DER of the intermediate CA certificates, or null. */
    public byte[] intermediates;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** When the revocation was recorded (the CRL's revocationDate). */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** From when the key is not to be trusted (the CRL's invalidityDate: the compromise instant). */
    @Column(name = "invalidity_date")
    public Instant invalidityDate;
}
