package org.certfree.proofs.system.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Typed configuration of the service ({@code certfree.*}); the README lists the same properties. */
@ConfigMapping(prefix = "certfree")
public interface CertfreeConfig {

    /** {@code demo} (embedded database, demo data, development tokens) or {@code production}. */
    @WithDefault("demo")
    Mode mode();

    /** Folder for the embedded database and demo-mode key material. */
    @WithName("data-dir")
    @WithDefault("data")
    String dataDir();

    /** Seed the demo departments at start (demo mode only; never in production). */
    @WithName("demo-data")
    @WithDefault("true")
    boolean demoData();

    /** Lifetime of a development token minted by {@code POST /api/v1/dev/tokens}. */
    @WithName("dev-token-ttl")
    @WithDefault("PT8H")
    Duration devTokenTtl();

    /** Largest request body accepted, in bytes; larger ones get 413. */
    @WithName("max-body-bytes")
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Set by the launcher (not by hand): data folder of the embedded PostgreSQL it started. */
    @WithName("embedded-database")
    Optional<String> embeddedDatabase();

    /**
     * Longest a replica keeps a unit's roles and the 用证 list in memory. A change drops them on every
     * replica at once (change signals); this only bounds a lost one.
     */
    @WithName("cache-max-age")
    @WithDefault("PT30S")
    Duration cacheMaxAge();

    /**
     * How long a pledge document (告知承诺书) stays valid for verification after it is made: long enough for
     * the using unit to handle the service matter it was made for.
     */
    @WithName("pledge-validity")
    @WithDefault("P180D")
    Period pledgeValidity();

    /**
     * Public address of the service, as printed in proofs' QR codes and PDFs (the status page lives under
     * it). Required in production mode; in demo mode, when unset, {@code http://localhost:<port listened on>}.
     */
    @WithName("public-base-url")
    Optional<String> publicBaseUrl();

    /** Keys protecting personal identifiers at rest. */
    @WithName("personal-data")
    PersonalData personalData();

    /** Keys protecting personal identifiers at rest (base64 of 32 random bytes each). */
    interface PersonalData {
        /** AES-256-GCM key for identifiers and names (demo mode: generated under data/keys). */
        @WithName("encryption-key")
        Optional<String> encryptionKey();

        /** HMAC-SHA256 key of the blind index used to look identifiers up (demo: generated). */
        @WithName("index-key")
        Optional<String> indexKey();
    }

    /** The public status check. */
    @WithName("status-check")
    StatusCheck statusCheck();

    /** Limits of the public status check (per client address, per replica). */
    interface StatusCheck {
        /** Sustained checks per minute per client. */
        @WithName("per-minute")
        @WithDefault("60")
        int perMinute();

        /** Checks a client may make at once before the per-minute rate applies. */
        @WithDefault("20")
        int burst();
    }

    /** Departments' signing keys ({@code certfree.keys.*}). */
    Keys keys();

    /** Settings of the departments' signing keys (feature {@code keys}). */
    interface Keys {

        /**
         * Key-encryption key (KEK): base64 of 32 random bytes; AES-256-GCM under it encrypts every private
         * signing key at rest. Required in production mode; in demo mode, when unset, one is generated once
         * under {@code <data-dir>/keys/kek}.
         */
        Optional<String> kek();

        /**
         * How long a retired key stays published (JWKS, verification) after its retirement; must cover the
         * longest validity of anything it signed (proofs, receipts, status lists, batch manifests).
         */
        @WithName("retired-retention")
        @WithDefault("P3650D")
        Duration retiredRetention();

        /**
         * Longest a replica keeps active keys, the published-key directory and the JWKS in memory. A key
         * change on any replica drops them everywhere at once (change signals); this only bounds a lost one.
         */
        @WithName("cache-ttl")
        @WithDefault("PT30S")
        Duration cacheTtl();

        /**
         * Signatures remembered as verified (their mathematics only; key state is judged on every use), so
         * re-checking a stored proof at each verification costs a hash instead of an SM2 verification.
         * 0 turns the memory off (the benchmark uses it to measure a first verification).
         */
        @WithName("remembered-signatures")
        @WithDefault("200000")
        @PositiveOrZero
        int rememberedSignatures();

        /** {@code Cache-Control: max-age} of {@code /.well-known/jwks.json}. */
        @WithName("jwks-max-age")
        @WithDefault("PT5M")
        Duration jwksMaxAge();
    }

    /** Certificates of the departments' SM2 keys ({@code certfree.pki.*}). */
    Pki pki();

    /** Trust roots and department certificates (feature {@code keys}, package {@code keys.pki}). */
    interface Pki {

        /**
         * PEM of the trusted root CA certificates (SM2), inline (environment {@code CERTFREE_PKI_ROOTS}, e.g. from a
         * ConfigMap). Production mode requires it (or {@code roots-file}): every department SM2 key needs a certificate
         * chaining to one of them. In demo mode they are trusted besides the generated demo root.
         */
        Optional<String> roots();

        /** The same as {@code roots}, from a PEM file (both may be given; all their certificates are trusted). */
        @WithName("roots-file")
        Optional<String> rootsFile();

        /** Organisation (O) in the subject of the certificates and requests the service makes. */
        @WithDefault("巴中市人民政府")
        String organization();

        /** Validity of a department certificate the demo root issues (renewed 30 days before it ends). */
        @WithName("certificate-validity")
        @WithDefault("P1095D")
        Duration certificateValidity();

        /** Validity of the generated demo root. */
        @WithName("root-validity")
        @WithDefault("P7300D")
        Duration rootValidity();

        /** Time from a demo CRL's thisUpdate to its nextUpdate; it is signed again at half of it. */
        @WithName("crl-validity")
        @WithDefault("P7D")
        Duration crlValidity();
    }

    /** Bulk issuance jobs ({@code certfree.issuance-jobs.*}). */
    @WithName("issuance-jobs")
    IssuanceJobs issuanceJobs();

    /** Limits and workers of bulk issuance jobs (feature {@code proof}). */
    interface IssuanceJobs {

        /** Most items (non-empty lines) one job may hold; a job with more gets 413 and nothing is stored. */
        @WithName("max-items")
        @WithDefault("100000")
        int maxItems();

        /**
         * Largest body of a job (an {@code application/x-ndjson} POST) in bytes, declared or counted while it is
         * streamed; other bodies keep {@code certfree.max-body-bytes}.
         */
        @WithName("max-body-bytes")
        @WithDefault("268435456")
        long maxBodyBytes();

        /**
         * Threads of this replica that issue jobs' items (0: this replica issues none, it only takes jobs in). Four on
         * two cores: while one worker's chunk waits on its commit or on the signing pool, another prepares the next
         * (bench/bulk-issue.sh, 100,000 proofs: 1,004/s with 2 workers, 1,156/s with 4).
         */
        @WithDefault("4")
        @PositiveOrZero
        int workers();

        /** Items a worker issues in one transaction (their proofs, audit rows and states commit together). */
        @WithName("chunk-size")
        @WithDefault("250")
        int chunkSize();

        /** How often an idle worker looks for items a restart or another replica left waiting. */
        @WithDefault("PT2S")
        Duration poll();

        /**
         * How long a finished (done or cancelled) job and its items are kept — its progress, results and codes for
         * download; then both are deleted (about hourly, by a worker). The proofs stay, and so do their audit rows.
         */
        @WithName("keep-finished")
        @WithDefault("P30D")
        Duration keepFinished();
    }

    /** Bulk revocations ({@code certfree.revocations.*}). */
    Revocations revocations();

    /** How a bulk revocation ({@code POST /api/v1/revocations}) spreads its work (feature {@code proof}). */
    interface Revocations {

        /**
         * Threads of this replica that revoke a run's chunks side by side, each in a transaction (a PostgreSQL backend)
         * of its own: one backend's CPU per proof is what bounds a run on one connection.
         */
        @WithDefault("2")
        @Positive
        int workers();

        /** Proofs a chunk revokes in one transaction (with their audit and holders'-log rows). */
        @WithName("chunk-size")
        @WithDefault("5000")
        @Positive
        int chunkSize();
    }

    /** Purpose-bound copies (加注件, {@code certfree.copies.*}; #17 copies). */
    Copies copies();

    /** The limits of purpose-bound copies (加注件, feature {@code copy}). */
    interface Copies {

        /** Most valid (unexpired, not withdrawn) copies of one proof made within {@link #window()}. */
        @WithName("max-valid")
        @WithDefault("3")
        @Positive
        int maxValid();

        /** The period over which {@link #maxValid()} counts copies made (back from now). */
        @WithDefault("P90D")
        java.time.Duration window();

        /** The latest expiry a copy may be given, from when it is made. */
        @WithName("max-validity")
        @WithDefault("P90D")
        java.time.Duration maxValidity();

        /** A copy's expiry when none is asked for (never after the proof's own validity). */
        @WithName("default-validity")
        @WithDefault("P30D")
        java.time.Duration defaultValidity();
    }

    /** OFD proofs, their seals and uploads (features {@code ofd}, {@code verification}). */
    OfdSettings ofd();

    /** Run mode of the service. */
    enum Mode {
        DEMO, PRODUCTION
    }
}
