package org.certfree.proofs.keys.pki;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The current CRL of one issuing CA (see V50__department_certificates.sql). */
@Entity
@Table(name = "certificate_revocation_list")
public class RevocationList extends PanacheEntityBase {

    /** RFC 4514 name of the CA. */
    @Id
    public String issuer;

    /** DER. */
    public byte[] crl;

    @Column(name = "crl_number")
    public BigDecimal crlNumber;

    @Column(name = "this_update")
    public Instant thisUpdate;

    @Column(name = "next_update")
    public Instant nextUpdate;

    @Enumerated(EnumType.STRING)
    public DepartmentCertificate.Source source;

    @Column(name = "stored_at")
    public Instant storedAt;
}
