package org.certfree.proofs.keys;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A department's signing key; see V10__signing_keys.sql. The private key is only ever held here
 * sealed (AES-256-GCM under the KEK, associated data = department code and kid).
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    /** RFC 7638 thumbprint (SHA-256, base64url) of the public key. */
    @Id
    public String kid;

    @Column(name = "department_code")
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    public KeyAlgorithm algorithm;

    @Enumerated(EnumType.STRING)
    public KeyState state;

    /** SM2: {@code x || y} (64 bytes); Ed25519: 32 bytes. */
    @Column(name = "public_key")
    public byte[] publicKey;

    /** {@code nonce || ciphertext || tag} of the private key. */
    @Column(name = "private_key_sealed")
    public byte[] privateKeySealed;

    /** Id of the KEK that sealed the private key. */
    @Column(name = "kek_id")
    public String kekId;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "publish_until")
    public Instant publishUntil;

    @Column(name = "compromised_at")
    public Instant compromisedAt;

    @Column(name = "compromise_reason")
    public String compromiseReason;

    @Column(name = "compromise_reported_at")
    public Instant compromiseReportedAt;

    @Column(name = "compromise_reported_by")
    public String compromiseReportedBy;

    @Version
    public int version;
}
