package org.certfree.proofs.keys.crypto;

/** A key pair as bytes: the private key (SM2 {@code d} / Ed25519 seed) and the public key (SM2 {@code x||y} / Ed25519 {@code A}). */
public record RawKeyPair(byte[] privateKey, byte[] publicKey) {
}
