package org.certfree.proofs.keys.pki;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The demo root CA (see V50__department_certificates.sql): its certificate and its private key sealed under the KEK. */
@Entity
@Table(name = "pki_authority")
public class PkiAuthority extends PanacheEntityBase {

    /** The row of the generated demo root. */
    static final String DEMO_ROOT = "demo-root";

    @Id
    public String id;

    /** DER. */
    public byte[] certificate;

    /** {@code nonce || ciphertext || tag} of the private key d. */
    @Column(name = "private_key_sealed")
    public byte[] privateKeySealed;

    @Column(name = "kek_id")
    public String kekId;

    @Column(name = "created_at")
    public Instant createdAt;
}
