package org.certfree.proofs.system;

import static org.certfree.proofs.system.PackagedService.logTail;
import static org.certfree.proofs.system.PackagedService.millisSince;
import static org.certfree.proofs.system.PostgresProcesses.postgresOn;
import static org.certfree.proofs.system.PostgresProcesses.running;
import static org.certfree.proofs.system.PostgresProcesses.signal;
import static org.certfree.proofs.system.PostgresProcesses.waitGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.certfree.proofs.system.PackagedService.App;
import org.certfree.proofs.system.ServiceClient.Answer;
import org.certfree.proofs.system.config.ProductionSettings;
import org.certfree.proofs.system.db.EmbeddedDatabase;
import org.certfree.proofs.testsupport.DeployFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) run the way a newcomer
 * runs it, as a separate process in an empty folder: it gets ready, keeps data across restarts,
 * stops its embedded PostgreSQL on SIGTERM, survives a {@code kill -9} of the previous run, and
 * refuses production mode without configuration; with exactly deploy/compose.yaml's settings it runs
 * the whole production flow against an external PostgreSQL. The demo-mode steps build on each other
 * and run in order; production instances share one external database ({@link #startProduction}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    /** Demo departments seeded by DemoData; each must exist exactly once after any number of starts. */
    private static final List<String> DEMO_CODES = List.of("BZGAJ", "BZMZJ", "BZRSJ", "BZSWJ", "BZSCJGJ", "BZZJJ",
            "BZSFJ", "BZZWZX", "KELSZWZX", "LTXZWZX");

    private static final Duration FIRST_START = Duration.ofSeconds(180);
    private static final Duration RESTART = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);
    /**
     * The service's JVM does not exit before PostgreSQL has (a shutdown hook holds it); allow only a
     * moment for the kernel to reap the processes. (With 5 s here and no such hook, a JVM that halted
     * mid-shutdown passed most runs and failed some.)
     */
    private static final Duration POSTGRES_GONE = Duration.ofSeconds(1);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private Path appJar;
    private PackagedService service;
    private Path workDir;
    private Path dataDir;
    private App app;
    private String departmentCode;
    private int departmentsBeforeRestart;
    /** The external PostgreSQL and identity provider every production instance shares (started on first use). */
    private EmbeddedDatabase external;
    private TestIdentityProvider idp;

    /** Production keys of this run (fresh each run; never printed by the service). */
    private static final String KEK = randomKey();
    private static final String ENCRYPTION_KEY = randomKey();
    private static final String INDEX_KEY = randomKey();
    private static final String PUBLIC_BASE_URL = "https://zwfw.lifecycle.test";

    @BeforeAll
    void prepare() throws IOException {
        Path appDir = Path.of(System.getProperty("certfree.app.dir", "target/quarkus-app")).toAbsolutePath();
        appJar = appDir.resolve("quarkus-run.jar");
        assertTrue(Files.isRegularFile(appJar), "packaged app missing (run `./mvnw package` first): " + appJar);
        workDir = Files.createTempDirectory("certfree-lifecycle-");
        service = new PackagedService(appJar, workDir, http);
        dataDir = workDir.resolve("data");
        System.out.println("[lifecycle] working directory " + workDir);
    }

    @AfterAll
    void cleanUp() throws IOException, InterruptedException {
        if (service != null) {
            service.killAll();
        }
        if (external != null) {
            external.close();
        }
        for (ProcessHandle pg : postgresOn(dataDir)) {
            signal("INT", pg.pid());
            waitGone(pg, Duration.ofSeconds(20));
            pg.destroyForcibly();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void firstStartGetsReadyWithSwaggerUiAndMetrics() throws Exception {
        app = start(Map.of());
        Duration ready = service.awaitReady(app, FIRST_START);
        System.out.printf("[lifecycle] first start (empty ./data, PostgreSQL initdb): ready after %d ms%n",
                ready.toMillis());

        assertEquals(200, get(app, "/q/swagger-ui", null).statusCode(), "Swagger UI");
        HttpResponse<String> metrics = get(app, "/q/metrics", null);
        assertEquals(200, metrics.statusCode(), "metrics");
        assertTrue(metrics.body().contains("# TYPE "), "Prometheus text format expected");
        assertEquals(200, get(app, "/q/health/live", null).statusCode(), "liveness");
        assertEquals(1, postgresOn(dataDir).size(), "one embedded postmaster on " + dataDir);
        assertTrue(Files.isDirectory(dataDir.resolve("pg")), "database kept under ./data/pg");
        embeddedDatabaseNeedsItsPassword(app);
        demoModeListensOnThisMachineOnly(app);
        demoLinksCarryThePortListenedOn(app);
    }

    /**
     * Issue #12, item 8: with no public base URL configured, the demo proof's link in the log and its
     * QR code carry the port this instance listens on (a free port here, never 8080), and it opens.
     */
    private void demoLinksCarryThePortListenedOn(App a) throws Exception {
        Pattern line = Pattern.compile("a demo proof on the citizen page: (\\S+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String link = null;
        while (link == null) {
            Matcher logged = line.matcher(Files.readString(a.log(), StandardCharsets.UTF_8));
            if (logged.find()) {
                link = logged.group(1);
            } else if (System.nanoTime() > deadline) {
                fail("the demo proof's link is not logged" + logTail(a));
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(link.startsWith("http://localhost:" + a.port() + "/verify?n="), "logged link on the served port: " + link);
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the logged link opens");
        String number = URI.create(link).getQuery().replaceAll("^n=([^&]+)&.*$", "$1");
        byte[] png = new ServiceClient(a.port()).bytes("/api/v1/proofs/" + number + "/qr.png", devToken(a, "ISSUER", "BZGAJ"));
        assertEquals(link, ProductionFlow.decodeQr(png), "the QR code carries the served address");
        System.out.printf("[lifecycle] demo links and QR code on the port listened on: %s%n", link);
    }

    /** Issue #12, item 9: no "trust" login as superuser; the generated password is the owner's alone. */
    private void embeddedDatabaseNeedsItsPassword(App a) throws Exception {
        Path passwordFile = dataDir.resolve("pg-password");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertTrue(!Files.getPosixFilePermissions(dataDir.resolve("pg-binaries"))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE), "pg-binaries is not world-writable");
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("embedded PostgreSQL at jdbc:postgresql://localhost:(\\d+)")
                .matcher(Files.readString(a.log()));
        assertTrue(port.find(), "the start-up report names the embedded database");
        String url = "jdbc:postgresql://localhost:" + port.group(1) + "/postgres";
        assertThrows(java.sql.SQLException.class, () -> java.sql.DriverManager.getConnection(url, "postgres", null).close(),
                "no password, no connection");
        assertThrows(java.sql.SQLException.class, () -> java.sql.DriverManager.getConnection(url, "postgres", "guess").close());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres",
                Files.readAllLines(passwordFile).get(0).trim())) {
            assertTrue(c.isValid(2));
        }
    }

    /** Issue #12, item 9: demo mode (whose token endpoint mints any role for anyone) listens on localhost only. */
    private void demoModeListensOnThisMachineOnly(App a) throws Exception {
        java.util.Optional<java.net.InetAddress> outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(ip -> ip instanceof java.net.Inet4Address).findFirst();
        if (outside.isEmpty()) {
            System.out.println("[lifecycle] no non-loopback IPv4 address here: the localhost-only check is skipped");
            return;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            assertThrows(java.io.IOException.class, () -> socket.connect(new java.net.InetSocketAddress(outside.get(), a.port()), 2000),
                    "demo mode must not answer on " + outside.get());
        }
        System.out.printf("[lifecycle] demo mode refuses connections on %s:%d%n", outside.get().getHostAddress(), a.port());
    }

    @Test
    @Order(2)
    void writtenDataThenSigtermLeavesNoPostgres() throws Exception {
        String token = adminToken(app);
        departmentCode = "LC" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String body = json.writeValueAsString(Map.of(
                "code", departmentCode,
                "name", "生命周期测试县政务服务中心",
                "kind", "SERVICE_CENTER",
                "regionCode", "652823",
                "roles", List.of("USING_UNIT")));
        HttpResponse<String> created = send(app, HttpRequest.newBuilder(URI.create(app.url("/api/v1/departments")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        departmentsBeforeRestart = departmentCount(app, token);

        List<ProcessHandle> postgres = postgresTree();
        assertFalse(postgres.isEmpty(), "embedded PostgreSQL running before SIGTERM");
        long stopStart = System.nanoTime();
        app.process().destroy(); // SIGTERM
        assertTrue(app.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "service stops on SIGTERM" + logTail(app));
        System.out.printf("[lifecycle] SIGTERM to exit: %d ms%n", millisSince(stopStart));
        assertPostgresGone(postgres, "after SIGTERM");
    }

    @Test
    @Order(3)
    void restartKeepsDataAndSeedsDemoDataOnce() throws Exception {
        app = start(Map.of());
        Duration ready = service.awaitReady(app, RESTART);
        System.out.printf("[lifecycle] restart after SIGTERM: ready after %d ms%n", ready.toMillis());

        String token = adminToken(app);
        assertDepartmentKept(app, token);
        assertEquals(departmentsBeforeRestart, departmentCount(app, token), "a restart adds no departments");
        for (String code : DEMO_CODES) {
            HttpResponse<String> found = get(app, "/api/v1/departments?size=200&q=" + code, token);
            assertEquals(200, found.statusCode(), found.body());
            long same = stream(json.readTree(found.body()).get("items"))
                    .filter(d -> code.equals(d.get("code").asText()))
                    .count();
            assertEquals(1, same, "demo department " + code + " exactly once");
        }
    }

    @Test
    @Order(4)
    void killMinus9LeavesPostgresAndTheNextStartCopes() throws Exception {
        List<ProcessHandle> postgres = postgresOn(dataDir);
        assertEquals(1, postgres.size(), "one postmaster before kill -9");
        ProcessHandle orphan = postgres.get(0);

        app.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(app.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "service dies on kill -9");
        assertTrue(running(orphan), "PostgreSQL of the killed service is still running (what this step is about)");
        assertTrue(Files.exists(dataDir.resolve("pg/postmaster.pid")), "stale postmaster.pid left behind");

        app = start(Map.of());
        Duration ready = service.awaitReady(app, RESTART);
        System.out.printf("[lifecycle] restart after kill -9 (stale postmaster stopped first): ready after %d ms%n",
                ready.toMillis());
        assertFalse(running(orphan), "the orphaned postmaster was stopped by the next start");
        List<ProcessHandle> now = postgresOn(dataDir);
        assertEquals(1, now.size(), "exactly one postmaster on " + dataDir);
        assertNotEquals(orphan.pid(), now.get(0).pid());

        String token = adminToken(app);
        assertDepartmentKept(app, token);
        assertEquals(departmentsBeforeRestart, departmentCount(app, token), "no departments lost or added");

        List<ProcessHandle> tree = postgresTree();
        app.process().destroy();
        assertTrue(app.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "service stops on SIGTERM" + logTail(app));
        assertPostgresGone(tree, "after the final SIGTERM");
    }

    @Test
    @Order(5)
    void productionModeWithoutConfigurationRefusesToStartNamingEverySetting() throws Exception {
        Path prodDir = Files.createDirectories(workDir.resolve("production"));
        App prod = start(prodDir, Map.of("CERTFREE_MODE", "production"));
        assertTrue(prod.process().waitFor(30, TimeUnit.SECONDS), "production mode without configuration must exit");
        String output = Files.readString(prod.log(), StandardCharsets.UTF_8);
        assertNotEquals(0, prod.process().exitValue(), output);
        for (String setting : ProductionSettings.REQUIRED) {
            assertTrue(output.contains(setting), "output names " + setting + ":\n" + output);
        }
        assertFalse(Files.exists(prodDir.resolve("data/pg")), "no embedded database in production mode");
        System.out.printf("[lifecycle] production mode without configuration: exit %d after %d ms%n",
                prod.process().exitValue(), millisSince(prod.startedNanos()));
    }

    /**
     * Issue #12, item 8: production mode with exactly the settings deploy/compose.yaml gives the service
     * (an external PostgreSQL, an identity provider's key and issuer, the three keys, the public address)
     * starts, mints no development tokens, seeds no demo data, accepts the identity provider's tokens only,
     * runs the whole flow from departments to revocation, and writes nothing to its working directory
     * (the Kubernetes Deployment runs it on a read-only root file system).
     */
    @Test
    @Order(6)
    void productionFromDeploysSettingsRunsTheWholeFlow() throws Exception {
        App prod = startProduction("flow", productionEnvironment());
        try {
            ServiceClient api = new ServiceClient(prod.port());
            assertEquals(404, api.post("/api/v1/dev/tokens", null, Map.of("role", "ADMIN")).status(), "no development tokens");
            assertEquals(401, api.get("/api/v1/departments", null).status(), "anonymous");
            assertEquals(401, api.get("/api/v1/departments", idp.forged("ops-admin", "ADMIN")).status(), "not signed by the IdP");
            String admin = idp.token("ops-admin", "ADMIN", null);
            Answer none = api.get("/api/v1/departments?size=1", admin);
            assertEquals(0, none.body().path("total").asInt(), "no demo data in production mode: " + none);
            assertEquals(404, api.get("/api/v1/departments/BZGAJ", admin).status());

            long t0 = System.nanoTime();
            ProductionFlow flow = new ProductionFlow(api, idp);
            flow.departments();
            String matter = flow.publishedMatter();
            Answer issued = flow.issue(matter);
            String number = issued.text("number");
            String code = issued.text("verificationCode");
            Answer passed = flow.verify(number, code);
            assertEquals("TOTAL_PASSED", passed.text("indication"), passed.raw());
            assertEquals("VALID", flow.status(number, code).text("status"));
            assertEquals(PUBLIC_BASE_URL + "/verify?n=" + number + "&c=" + code, flow.qrLink(number),
                    "the QR code carries CERTFREE_PUBLIC_BASE_URL");

            assertEquals("REVOKED", flow.revoke(number).text("status"));
            Answer failed = flow.verify(number, code);
            assertEquals("TOTAL_FAILED", failed.text("indication"), failed.raw());
            assertEquals("REVOKED", failed.text("subIndication"), failed.raw());
            assertEquals("REVOKED", flow.status(number, code).text("status"));
            System.out.printf("[lifecycle] production flow (departments to revocation): %d ms%n", millisSince(t0));

            try (Stream<Path> written = Files.list(prod.directory())) {
                assertEquals(List.of(), written.toList(), "production mode writes nothing to its working directory");
            }
        } finally {
            stop(prod);
        }
    }

    /**
     * Issue #12, item 3: two replicas on one database. A compromise declared on one is obeyed by the
     * other at once: it never signs with the key again, and a proof the key signed after the compromise
     * instant fails verification on both (its record is revoked in the compromise's transaction).
     */
    @Test
    @Order(8)
    void aKeyCompromisedOnOneReplicaIsDeadOnTheOtherAtOnce() throws Exception {
        App one = startProduction("replica-one", productionEnvironment());
        App two = startProduction("replica-two", productionEnvironment());
        try {
            ProductionFlow onOne = new ProductionFlow(new ServiceClient(one.port()), idp);
            ProductionFlow onTwo = onOne.on(new ServiceClient(two.port()));
            onOne.departments();
            String matter = onOne.publishedMatter();
            Answer before = onTwo.issue(matter); // replica two now holds the issuer's keys in memory
            String kid = kid(before.text("jwsCompact"));
            assertEquals("TOTAL_PASSED", onTwo.verify(before.text("number"), before.text("verificationCode")).text("indication"));

            onOne.compromise(kid, java.time.Instant.parse(before.text("issuedAt")).minusSeconds(60));

            Answer dead = onTwo.verify(before.text("number"), before.text("verificationCode"));
            assertEquals("TOTAL_FAILED", dead.text("indication"), "replica two passed a proof of a compromised key: " + dead.raw());
            assertEquals("KEY_COMPROMISE", dead.text("revocationReason"), dead.raw());
            Answer after = onTwo.issue(matter);
            assertNotEquals(kid, kid(after.text("jwsCompact")), "replica two signed with the compromised key");
            assertEquals("TOTAL_PASSED", onOne.verify(after.text("number"), after.text("verificationCode")).text("indication"));
            assertEquals("TOTAL_PASSED", onTwo.verify(after.text("number"), after.text("verificationCode")).text("indication"));
        } finally {
            stop(one);
            stop(two);
        }
    }

    private String kid(String compact) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.')))).get("kid").asText();
    }

    /** Issue #12, item 8: one secret missing, one malformed: both named, no secret's value printed, nothing served. */
    @Test
    @Order(7)
    void productionWithAMissingAndAMalformedSecretRefusesNamingThem() throws Exception {
        Map<String, String> env = new HashMap<>(productionEnvironment());
        String malformed = Base64.getEncoder().encodeToString(new byte[16]);
        env.put("CERTFREE_PERSONAL_DATA_INDEX_KEY", malformed);
        env.remove("CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY");
        App refused = start(Files.createDirectories(workDir.resolve("production-refused")), env);
        assertTrue(refused.process().waitFor(30, TimeUnit.SECONDS), "production mode with a bad secret must exit" + logTail(refused));
        String output = Files.readString(refused.log(), StandardCharsets.UTF_8);
        assertNotEquals(0, refused.process().exitValue(), output);
        assertTrue(output.contains("CERTFREE_PERSONAL_DATA_INDEX_KEY " + ProductionSettings.KEY_FORMAT), output);
        assertTrue(output.contains("CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY is missing"), output);
        for (String setting : ProductionSettings.REQUIRED) {
            if (!setting.startsWith("CERTFREE_PERSONAL_DATA_")) {
                assertFalse(output.contains(setting), "a valid setting is not named (" + setting + "):\n" + output);
            }
        }
        for (String secret : List.of(malformed, KEK, INDEX_KEY, external.password())) {
            assertFalse(output.contains(secret), "the output prints no secret:\n" + output);
        }
        assertFalse(output.contains("Listening on"), "nothing served:\n" + output);
        System.out.printf("[lifecycle] production mode with a missing and a malformed secret: exit %d after %d ms%n",
                refused.process().exitValue(), millisSince(refused.startedNanos()));
    }

    /**
     * Values for exactly the variables deploy/compose.yaml gives the certfree-proofs service: the
     * external database, the test identity provider, fresh keys, a public address. Starts the
     * database and the identity provider on first use; every production instance shares them.
     */
    private Map<String, String> productionEnvironment() throws Exception {
        if (external == null) {
            external = EmbeddedDatabase.start(workDir.resolve("external-db"), false);
            idp = TestIdentityProvider.create(workDir);
        }
        Map<String, String> values = new HashMap<>();
        values.put("CERTFREE_MODE", "production");
        values.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + external.port() + "/postgres");
        values.put("QUARKUS_DATASOURCE_USERNAME", external.username());
        values.put("QUARKUS_DATASOURCE_PASSWORD", external.password());
        values.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", idp.keyLocation());
        values.put("MP_JWT_VERIFY_ISSUER", TestIdentityProvider.ISSUER);
        values.put("CERTFREE_KEYS_KEK", KEK);
        values.put("CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY", ENCRYPTION_KEY);
        values.put("CERTFREE_PERSONAL_DATA_INDEX_KEY", INDEX_KEY);
        values.put("CERTFREE_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        values.put("CERTFREE_PKI_ROOTS", org.certfree.proofs.keys.pki.Sm2Pki.pem("CERTIFICATE",
                org.certfree.proofs.keys.pki.Sm2Pki.der(org.certfree.proofs.keys.pki.TestCa.CONFIGURED.certificate)));
        // What compose gives, and nothing else: a setting deploy/ lacks is lacking here too.
        Map<String, String> compose = DeployFiles.composeEnvironment();
        Map<String, String> env = new TreeMap<>();
        for (String key : compose.keySet()) {
            assertTrue(values.containsKey(key), "compose gives the service " + key + ": give it a value here");
            env.put(key, values.get(key));
        }
        assertEquals(compose.get("CERTFREE_MODE"), env.get("CERTFREE_MODE"));
        assertEquals(new TreeSet<>(compose.keySet()), env.keySet(), "exactly the variables compose gives the service");
        return env;
    }

    /**
     * Starts a production instance in an empty folder of its own with {@code env} (and its HTTP port)
     * and waits until it is ready. A second instance on the same database and keys:
     * {@code startProduction("second", productionEnvironment())}; stop each with {@link #stop}.
     */
    private App startProduction(String name, Map<String, String> env) throws Exception {
        App prod = start(Files.createDirectories(workDir.resolve("production-" + name)), env);
        Duration ready = service.awaitReady(prod, RESTART);
        System.out.printf("[lifecycle] production instance %s on an external PostgreSQL: ready after %d ms%n",
                name, ready.toMillis());
        return prod;
    }

    private void stop(App a) throws InterruptedException {
        a.process().destroy();
        assertTrue(a.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "stops on SIGTERM" + logTail(a));
    }

    // --- helpers

    private App start(Map<String, String> env) throws IOException {
        return service.start(workDir, env);
    }

    private App start(Path directory, Map<String, String> env) throws IOException {
        return service.start(directory, env);
    }

    private String adminToken(App a) throws Exception {
        return devToken(a, "ADMIN", null);
    }

    private String devToken(App a, String role, String dept) throws Exception {
        Map<String, String> body = new HashMap<>(Map.of("role", role));
        if (dept != null) {
            body.put("dept", dept);
        }
        HttpResponse<String> r = send(a, HttpRequest.newBuilder(URI.create(a.url("/api/v1/dev/tokens")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body()).get("token").asText();
    }

    private void assertDepartmentKept(App a, String token) throws Exception {
        HttpResponse<String> r = get(a, "/api/v1/departments/" + departmentCode, token);
        assertEquals(200, r.statusCode(), "department written before the restart: " + r.body());
        assertEquals("生命周期测试县政务服务中心", json.readTree(r.body()).get("name").asText());
    }

    private int departmentCount(App a, String token) throws Exception {
        HttpResponse<String> r = get(a, "/api/v1/departments?size=1", token);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body()).get("total").asInt();
    }

    private HttpResponse<String> get(App a, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(a.url(path))).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(a, b);
    }

    private HttpResponse<String> send(App a, HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The postmaster on our data directory with all its children (backends, checkpointer, …). */
    private List<ProcessHandle> postgresTree() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle pm : postgresOn(dataDir)) {
            all.add(pm);
            pm.descendants().forEach(all::add);
        }
        return all;
    }

    private void assertPostgresGone(List<ProcessHandle> before, String when) throws InterruptedException {
        long t0 = System.nanoTime();
        for (ProcessHandle p : before) {
            waitGone(p, POSTGRES_GONE);
        }
        List<Long> alive = before.stream().filter(PostgresProcesses::running).map(ProcessHandle::pid).toList();
        assertTrue(alive.isEmpty(), "PostgreSQL processes left " + when + ": " + alive);
        assertTrue(postgresOn(dataDir).isEmpty(), "a postgres process on " + dataDir + " is left " + when);
        System.out.printf("[lifecycle] %s: %d PostgreSQL processes gone (waited %d ms after exit)%n",
                when, before.size(), millisSince(t0));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
