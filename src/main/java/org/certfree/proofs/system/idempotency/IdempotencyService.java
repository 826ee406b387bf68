package org.certfree.proofs.system.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;

/**
 * Makes a POST safe to retry: with an {@code Idempotency-Key}, the first response is stored in the
 * same transaction as the work and replayed for every retry by the same caller with the same body.
 * A concurrent retry waits on the row lock of the first attempt and then replays its answer.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");

    /** How long an answer is kept for retries (a client retries within minutes, not days). */
    static final Duration RETENTION = Duration.ofHours(24);

    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int PRINCIPAL_LENGTH = 128;
    static final String BODY_PURPOSE = "idempotency_record.body";

    private final AtomicLong lastPurge = new AtomicLong();

    @Inject
    EntityManager em;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Runs {@code action} once per (caller, key), the caller being a person acting for a unit (see
     * {@link #principal}). {@code operation} names the endpoint so a key
     * reused on another endpoint is refused like a key reused with another body. Without a key the
     * action runs as it is (in its own services' transactions): only a keyed request needs one
     * transaction around the work and its stored answer.
     */
    public Response execute(String key, Caller caller, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badParameter(HEADER, Messages.IDEMPOTENCY_KEY_INVALID);
        }
        purgeExpiredNowAndThen();
        String principal = principal(caller);
        return QuarkusTransaction.joiningExisting().call(() -> once(key, principal, operation, request, action));
    }

    /**
     * {@link #execute} for a body the action reads as a stream (a bulk job of up to 100,000 lines, never held in
     * memory): its digest is known only once it has been read, so the key is claimed first and the request's hash
     * written with the answer. A retry with the key reads its own body to the end and compares the digests — the
     * same: the stored answer; another: 422. The action reads {@code body}; what it leaves unread is digested after.
     */
    public Response executeStreamed(String key, Caller caller, String operation, InputStream body,
            Function<InputStream, Response> action) {
        if (key == null) {
            return action.apply(body);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badParameter(HEADER, Messages.IDEMPOTENCY_KEY_INVALID);
        }
        purgeExpiredNowAndThen();
        String principal = principal(caller);
        return QuarkusTransaction.joiningExisting().call(() -> {
            MessageDigest sha = sha256();
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            DigestInputStream digesting = new DigestInputStream(body, sha);
            if (claim(key, principal, STREAMING) == 0) {
                drain(digesting);
                return replay(key, principal, HexFormat.of().formatHex(sha.digest()));
            }
            Response response = action.apply(digesting);
            drain(digesting);
            return stored(key, principal, HexFormat.of().formatHex(sha.digest()), response);
        });
    }

    /** The request hash of a streamed request until its body has been read (never a SHA-256 hex digest). */
    private static final String STREAMING = "streaming";

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whose keys these are: the same person acting for two units (or a staff id two units share) has
     * two sets of keys, so one unit's stored answer is never replayed to another. A citizen is named by
     * the blind index of their identifier ({@link Caller#actor()}), never the identifier.
     */
    static String principal(Caller caller) {
        String principal = caller.department().map(d -> d + "/").orElse("") + caller.actor();
        if (principal.length() <= PRINCIPAL_LENGTH) {
            return principal;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(principal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes stored answers older than {@link #RETENTION}, at most once a minute per replica. */
    private void purgeExpiredNowAndThen() {
        long now = System.nanoTime();
        long last = lastPurge.get();
        if (last != 0 && now - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::purgeExpired);
    }

    /** Deletes stored answers older than {@link #RETENTION}; returns how many. */
    int purgeExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(clock).minus(RETENTION))
                .executeUpdate();
    }

    private Response once(String key, String principal, String operation, Object request, Supplier<Response> action) {
        String hash = hash(operation, request);
        if (claim(key, principal, hash) == 0) {
            return replay(key, principal, hash);
        }
        return stored(key, principal, null, action.get());
    }

    /** Inserts the key's record unless it exists (then waits for its writer to end): 1 when inserted, else 0. */
    private int claim(String key, String principal, String hash) {
        return em.createNativeQuery("""
                INSERT INTO idempotency_record (principal, key, request_hash, created_at)
                VALUES (:principal, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                .setParameter("principal", principal)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
    }

    /** Stores {@code response} as the key's answer (and the request's hash, when only known now) and returns it. */
    private Response stored(String key, String principal, String hash, Response response) {
        // stored answers can hold personal data (a retrieved proof's content): encrypted at rest
        String body = response.hasEntity() ? protector.encrypt(write(response.getEntity()), BODY_PURPOSE) : null;
        em.createNativeQuery("""
                UPDATE idempotency_record SET status = :status, location = :location, body = :body,
                    request_hash = coalesce(CAST(:hash AS VARCHAR), request_hash)
                WHERE principal = :principal AND key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("body", body)
                .setParameter("hash", hash)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String key, String principal, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status, location, body FROM idempotency_record
                WHERE principal = :principal AND key = :key""")
                .setParameter("principal", principal)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0]) || row[1] == null) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, Messages.IDEMPOTENCY_KEY_REUSED);
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            builder.header("Location", row[2]);
        }
        if (row[3] != null) {
            builder.entity(read(protector.decrypt((String) row[3], BODY_PURPOSE))).type("application/json");
        }
        return builder.build();
    }

    private String hash(String operation, Object request) {
        try {
            // Sorted keys: the same body always hashes the same, whatever order the client sent.
            byte[] canonical = hashing().writeValueAsBytes(request);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical);
            return HexFormat.of().formatHex(sha.digest());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectMapper hashing;

    private ObjectMapper hashing() {
        if (hashing == null) {
            hashing = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        }
        return hashing;
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
