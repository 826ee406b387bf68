package org.certfree.proofs.ofd;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The demo seal maker (see V54__department_seals.sql): its certificate and its PKCS#8 private key sealed under the KEK. */
@Entity
@Table(name = "seal_maker")
public class SealMakerKey extends PanacheEntityBase {

    @Id
    public String id;

    /** DER. */
    public byte[] certificate;

    /** {@code nonce || ciphertext || tag} of the PKCS#8 private key. */
    @Column(name = "private_key_sealed")
    public byte[] privateKeySealed;

    @Column(name = "kek_id")
    public String kekId;

    @Column(name = "created_at")
    public Instant createdAt;
}
