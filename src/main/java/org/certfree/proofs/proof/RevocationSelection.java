package org.certfree.proofs.proof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which of a department's proofs a bulk revocation concerns, as a SQL condition on {@code proof p} and
 * its parameters. The department and {@code kind = 'PROOF'} are added by {@link BulkRevocation}.
 */
sealed interface RevocationSelection {

    /** The selector's name in answers and logs: {@code numbers}, {@code matter} or {@code key}. */
    String name();

    /** The selection's parameters as text (numbers sorted): with the reason and note, what tells a repeated request. */
    String parameters();

    /** The condition on {@code p}, with {@code ?} placeholders. */
    String condition();

    /** Binds the condition's parameters from {@code index} on; returns the next free index. */
    int bind(Connection c, PreparedStatement ps, int index) throws SQLException;

    /**
     * A cheap selection of which this one is a part, for planning a run: the run's chunks then apply this one's
     * condition themselves, on several connections at once. Itself where the condition is already cheap.
     */
    default RevocationSelection candidates() {
        return this;
    }

    /** Proofs by number (normalised and distinct). */
    record Numbers(List<String> numbers) implements RevocationSelection {

        public Numbers {
            numbers = List.copyOf(numbers);
        }

        @Override
        public String name() {
            return "numbers";
        }

        @Override
        public String parameters() {
            return String.join(",", numbers.stream().sorted().toList());
        }

        @Override
        public String condition() {
            return "p.number = ANY(?::text[])";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setArray(index, c.createArrayOf("text", numbers.toArray()));
            return index + 1;
        }
    }

    /** Proofs of a matter issued in {@code [from, until)}. */
    record MatterIssued(String matterCode, Instant from, Instant until) implements RevocationSelection {

        @Override
        public String name() {
            return "matter";
        }

        @Override
        public String parameters() {
            return matterCode + "|" + from + "|" + until;
        }

        @Override
        public String condition() {
            return "p.matter_code = ? AND p.issued_at >= ? AND p.issued_at < ?";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setString(index, matterCode);
            ps.setTimestamp(index + 1, Timestamp.from(from));
            ps.setTimestamp(index + 2, Timestamp.from(until));
            return index + 3;
        }
    }

    /**
     * Proofs one of whose signatures the key {@code kid} made at or after {@code fromSecond} (its {@code iat},
     * whole seconds): found in SQL from the stored JWS headers (V28's {@code jws_signature_headers}). The
     * {@code issued_at} bound only lets the index narrow the rows: {@code iat} is taken just after it.
     */
    record SignedBy(String kid, Instant fromSecond) implements RevocationSelection {

        /** How far before {@code iat} a proof's {@code issued_at} can be: both are read within one issuance. */
        static final Duration ISSUED_BEFORE_SIGNING = Duration.ofMinutes(5);

        @Override
        public String name() {
            return "key";
        }

        @Override
        public String parameters() {
            return kid + "|" + fromSecond;
        }

        @Override
        public String condition() {
            return """
                    p.issued_at >= ? AND EXISTS (SELECT 1 FROM jws_signature_headers(p.jws_signatures) h
                                                 WHERE h ->> 'kid' = ? AND (h ->> 'iat')::bigint >= ?)""";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setTimestamp(index, Timestamp.from(fromSecond.minus(ISSUED_BEFORE_SIGNING)));
            ps.setString(index + 1, kid);
            ps.setLong(index + 2, fromSecond.getEpochSecond());
            return index + 3;
        }

        /** The department's proofs issued since just before the instant: the signature headers are read by the chunks. */
        @Override
        public RevocationSelection candidates() {
            return new IssuedSince(name(), fromSecond.minus(ISSUED_BEFORE_SIGNING));
        }
    }

    /** Proofs issued at or after {@code from}: the candidates of a {@link SignedBy}. */
    record IssuedSince(String name, Instant from) implements RevocationSelection {

        @Override
        public String parameters() {
            return from.toString();
        }

        @Override
        public String condition() {
            return "p.issued_at >= ?";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setTimestamp(index, Timestamp.from(from));
            return index + 1;
        }
    }

    /**
     * The proofs of one chunk of a planned run ({@link RevocationRuns}) by id, and of those only the ones {@code also}
     * selects if not null (a selection whose plan read only its {@link #candidates()}); {@code name} is the run's
     * selector's, for logs.
     */
    record Ids(String name, List<UUID> ids, RevocationSelection also) implements RevocationSelection {

        public Ids {
            ids = List.copyOf(ids);
        }

        @Override
        public String parameters() {
            return ids.toString();
        }

        @Override
        public String condition() {
            return also == null ? "p.id = ANY(?::uuid[])" : "p.id = ANY(?::uuid[]) AND (" + also.condition() + ")";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setArray(index, c.createArrayOf("uuid", ids.toArray()));
            return also == null ? index + 1 : also.bind(c, ps, index + 1);
        }
    }
}
