package org.certfree.proofs.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.keys.pki.CertificateTrust;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * Verifies JWS in the compact or JSON serialization against the published keys (see {@link Jws} for
 * the header every signature carries and what a compromise means for it). The mathematics of a
 * signature that verified is remembered; a key's state is judged anew on every call. An SM2 key must also be
 * certified at the signing time ({@code iat}, else now): a chain to a configured root valid then and not revoked then
 * (revoked: {@link JwsOutcome#KEY_COMPROMISED}; otherwise {@link JwsOutcome#UNKNOWN_KEY}); a key without any
 * certificate is refused so in production only. The chain is judged with the key directory, once per key change.
 */
@ApplicationScoped
public class JwsVerifier {

    /** Longest JWS accepted for verification, in characters. */
    public static final int MAX_LENGTH = 4 * 1024 * 1024;

    /** Most signatures accepted in one JSON-serialized JWS. */
    public static final int MAX_SIGNATURES = 8;


    @Inject
    KeyDirectory keys;

    @Inject
    CertfreeConfig config;

    @Inject
    Clock clock;

    /**
     * SHA-256 of (kid, protected header, payload, signature) of signatures that verified, so the same
     * signature is not checked again (verification re-checks every stored proof). Only the mathematics
     * is remembered: the key's state (published, compromised) is judged anew on every call, and a
     * single changed byte is another entry. Its size is {@code certfree.keys.remembered-signatures}
     * (0: every signature is checked every time).
     */
    private Cache<ByteBuffer, Boolean> verified;

    /** How many stored detached forms are remembered parsed, per kind of check (each about 4 kB). */
    static final int REMEMBERED_PARSED = 10_000;

    /**
     * Stored detached forms ({@link #verifyDetached}) as parsed, by their exact signatures text, the stored payload
     * text inside: for the compact form's check, and for every signature's. Null when signatures are not remembered
     * ({@code remembered-signatures=0}), since each parsed signature also remembers whether it verified.
     */
    private Cache<String, ParsedJws> parsedCompact;

    private Cache<String, ParsedJws> parsedEvery;

    @PostConstruct
    void init() {
        int size = config.keys().rememberedSignatures();
        verified = Caffeine.newBuilder().maximumSize(size).build();
        if (size > 0) {
            parsedCompact = Caffeine.newBuilder().maximumSize(Math.min(size, REMEMBERED_PARSED))
                    .expireAfterAccess(Duration.ofMinutes(10)).build();
            parsedEvery = Caffeine.newBuilder().maximumSize(Math.min(size, REMEMBERED_PARSED))
                    .expireAfterAccess(Duration.ofMinutes(10)).build();
        }
    }

    /**
     * Verifies a JWS in the compact or the JSON (general or flattened) serialization against the
     * published keys. Never throws on bad input: anything that is not a usable JWS is
     * {@link JwsOutcome#MALFORMED}. General JSON is VALID only if every signature is, and all come from
     * one department.
     */
    public JwsVerification verify(String jws) {
        if (jws == null || jws.isBlank()) {
            return JwsVerification.malformed("empty input");
        }
        if (jws.length() > MAX_LENGTH) {
            return JwsVerification.malformed("longer than " + MAX_LENGTH + " characters");
        }
        ParsedJws parsed;
        try {
            parsed = ParsedJws.parse(jws.strip());
        } catch (ParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return JwsVerification.malformed("not a JWS: " + e.getMessage());
        }
        return judge(parsed);
    }

    /**
     * Verifies a JWS this service stored detached ({@link DetachedJws}: its payload and, beside it, its signatures):
     * the compact form's signature, or every signature ({@code everySignature}), as {@link #verify} would verify the
     * rebuilt serialization. What the parse of the exact two strings gave is remembered (a bounded memory of recently
     * read ones), and with it whether each signature's mathematics verified with its key, so a stored proof verified
     * again is neither rebuilt, nor parsed, nor hashed; a change of any byte of either string is parsed and checked
     * afresh. The key's state is judged on every call, as in {@link #verify}.
     */
    public JwsVerification verifyDetached(String payload, String detached, boolean everySignature) {
        Cache<String, ParsedJws> memory = everySignature ? parsedEvery : parsedCompact;
        ParsedJws known = memory == null ? null : memory.getIfPresent(detached);
        if (known != null && known.storedPayload().equals(payload)) {
            return judge(known);
        }
        ParsedJws parsed;
        try {
            String jws = everySignature ? DetachedJws.generalJson(payload, detached) : DetachedJws.compact(payload, detached);
            if (jws.length() > MAX_LENGTH) {
                return JwsVerification.malformed("longer than " + MAX_LENGTH + " characters");
            }
            parsed = ParsedJws.parse(jws).storedAs(payload);
        } catch (ParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return JwsVerification.malformed("not a JWS: " + e.getMessage());
        }
        JwsVerification outcome = judge(parsed);
        if (memory != null) {
            memory.put(detached, parsed);
        }
        return outcome;
    }

    /** Judges every signature of a parsed JWS against the published keys as they are now. */
    private JwsVerification judge(ParsedJws parsed) {
        List<ParsedJws.Signed> signed = parsed.signed();
        if (signed.isEmpty()) {
            return JwsVerification.malformed("no signature");
        }
        if (signed.size() > MAX_SIGNATURES) {
            return JwsVerification.malformed("more than " + MAX_SIGNATURES + " signatures");
        }
        List<JwsVerification.SignatureCheck> checks = new ArrayList<>();
        List<String> kids = new ArrayList<>();
        List<String> algs = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        JwsOutcome outcome = JwsOutcome.VALID;
        String department = null;
        String detail = null;
        for (ParsedJws.Signed s : signed) {
            JwsVerification.SignatureCheck check = check(s);
            checks.add(check);
            kids.add(check.kid());
            algs.add(check.alg());
            headers.add(s.header() == null ? Map.of() : s.header().toJSONObject());
            if (check.departmentCode() != null) {
                if (department == null) {
                    department = check.departmentCode();
                } else if (!department.equals(check.departmentCode())) {
                    outcome = JwsOutcome.worse(outcome, JwsOutcome.INVALID_SIGNATURE);
                    detail = "signatures of different departments: " + department + ", " + check.departmentCode();
                }
            }
            if (JwsOutcome.worse(outcome, check.outcome()) != outcome) {
                outcome = check.outcome();
                detail = check.detail();
            }
        }
        return new JwsVerification(outcome, parsed.payload() == null ? null : parsed.payload().clone(), department,
                Collections.unmodifiableList(kids), Collections.unmodifiableList(algs), List.copyOf(headers), List.copyOf(checks),
                detail == null ? (outcome == JwsOutcome.VALID ? "all signatures verify" : outcome.name()) : detail);
    }

    private JwsVerification.SignatureCheck check(ParsedJws.Signed s) {
        JWSHeader h = s.header();
        if (h == null) {
            return failed(null, null, JwsOutcome.MALFORMED, null, "no protected header");
        }
        String alg = h.getAlgorithm() == null ? null : h.getAlgorithm().getName();
        String kid = h.getKeyID();
        if (!h.isBase64URLEncodePayload()) {
            return failed(kid, alg, JwsOutcome.MALFORMED, null, "unencoded payload (b64) is not accepted");
        }
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            return failed(kid, alg, JwsOutcome.MALFORMED, null, "critical header parameters are not understood: "
                    + h.getCriticalParams());
        }
        Instant signedAt = null;
        Object iat = h.getCustomParam(Jws.IAT);
        if (iat != null) {
            if (!(iat instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
                return failed(kid, alg, JwsOutcome.MALFORMED, null, "iat is not a whole number of seconds");
            }
            signedAt = Instant.ofEpochSecond(n.longValue());
        }
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.fromJwsAlg(alg);
        if (algorithm.isEmpty()) {
            return failed(kid, alg, JwsOutcome.INVALID_SIGNATURE, null, "alg " + alg + " is not accepted");
        }
        if (kid == null || kid.isEmpty()) {
            return failed(kid, alg, JwsOutcome.UNKNOWN_KEY, null, "no kid in the protected header");
        }
        Optional<KeyDirectory.PublishedKey> published = keys.published(kid);
        if (published.isEmpty()) {
            return failed(kid, alg, JwsOutcome.UNKNOWN_KEY, null, "kid " + kid + " is not a published key");
        }
        KeyDirectory.PublishedKey key = published.get();
        String dept = key.departmentCode();
        if (key.algorithm() != algorithm.get()) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.INVALID_SIGNATURE, dept, signedAt,
                    "alg " + alg + " does not match key " + kid + " (" + key.algorithm().jwsAlg() + ")");
        }
        if (!cryptoValid(s, key)) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.INVALID_SIGNATURE, dept, signedAt,
                    "signature does not verify with key " + kid);
        }
        if (key.compromisedAt() != null
                && (signedAt == null || !signedAt.isBefore(KeyService.compromiseSecond(key.compromisedAt())))) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.KEY_COMPROMISED, dept, signedAt,
                    "key " + kid + " is compromised from " + key.compromisedAt() + "; signed at "
                            + (signedAt == null ? "an unknown time" : signedAt));
        }
        if (key.trust() != null) {
            CertificateTrust.Refusal r = key.trust().refusal(signedAt != null ? signedAt : clock.instant(),
                    config.mode() == CertfreeConfig.Mode.PRODUCTION);
            if (r.verdict() == CertificateTrust.Verdict.REVOKED) {
                return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.KEY_COMPROMISED, dept, signedAt, r.detail());
            }
            if (r.verdict() != CertificateTrust.Verdict.TRUSTED) {
                return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.UNKNOWN_KEY, dept, signedAt,
                        "key " + kid + " is not trusted: " + r.detail());
            }
        }
        return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.VALID, dept, signedAt, "verifies with key " + kid);
    }

    /**
     * Remembers the signature of {@code compact}, a compact JWS this service has just made with its key {@code kid}:
     * reading the stored proof back (the answer to its issuance, its first verification) then costs a hash, not a
     * verification of a signature known to be good. Only the mathematics is remembered, as for a verified one: the
     * key's state is judged on every read, and a row changed in any byte is checked afresh.
     */
    public void signedHere(String kid, String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        verified.put(ByteBuffer.wrap(ParsedJws.fingerprint(kid, parts[0], parts[1], parts[2])), Boolean.TRUE);
    }

    /**
     * Whether the signature verifies with the key; remembered when it does (in {@link #verified}, and on the parsed
     * signature itself, which a remembered stored form keeps).
     */
    private boolean cryptoValid(ParsedJws.Signed s, KeyDirectory.PublishedKey key) {
        if (key.kid().equals(s.verifiedWith)) {
            return true;
        }
        ByteBuffer id = ByteBuffer.wrap(s.fingerprint(key.kid()));
        if (verified.getIfPresent(id) != null) {
            s.verifiedWith = key.kid();
            return true;
        }
        boolean ok;
        try {
            ok = s.verify(key.verifier());
        } catch (JOSEException | IllegalStateException | IllegalArgumentException e) {
            ok = false;
        }
        if (ok) {
            verified.put(id, Boolean.TRUE);
            s.verifiedWith = key.kid();
        }
        return ok;
    }

    private static JwsVerification.SignatureCheck failed(String kid, String alg, JwsOutcome outcome, String dept,
            String detail) {
        return new JwsVerification.SignatureCheck(kid, alg, outcome, dept, null, detail);
    }
}
