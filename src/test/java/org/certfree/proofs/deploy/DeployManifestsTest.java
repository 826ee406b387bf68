package org.certfree.proofs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certfree.proofs.system.config.ProductionSettings;
import org.certfree.proofs.testsupport.DeployFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code deploy/} cannot be run here (no container engine, no cluster), so this test
 * parses every YAML file and checks that the pieces fit together: probes on the service's health
 * endpoints, selectors that select the Deployment's pods, the database the app is pointed at is
 * the one the manifests create, no real secret committed, the image runs as non-root.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every document of every YAML file, by file. */
    private static Map<Path, List<JsonNode>> documents;
    /** The Kubernetes objects under deploy/k8s (the Kustomization excluded), by kind. */
    private static Map<String, List<JsonNode>> objects;

    @BeforeAll
    static void parseEverything() throws IOException {
        assertTrue(Files.isDirectory(DEPLOY), "run from the project root: " + DEPLOY.toAbsolutePath());
        documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                documents.put(file, parse(file));
            }
        }
        objects = new LinkedHashMap<>();
        documents.forEach((file, docs) -> {
            if (file.startsWith(K8S) && !isKustomization(file)) {
                docs.forEach(d -> objects.computeIfAbsent(d.path("kind").asText(), k -> new ArrayList<>()).add(d));
            }
        });
    }

    /** All documents of a (possibly multi-document) YAML file; empty documents are skipped. */
    private static List<JsonNode> parse(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    @Test
    void everyYamlFileParsesAndHasContent() {
        Set<String> names = documents.keySet().stream().map(p -> DEPLOY.relativize(p).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.containsAll(Set.of("compose.yaml", "k8s/kustomization.yaml", "k8s/deployment.yaml",
                "k8s/service.yaml", "k8s/hpa.yaml", "k8s/pdb.yaml", "k8s/cnpg-cluster.yaml", "k8s/configmap.yaml",
                "k8s/secret.yaml", "k8s/namespace.yaml")), "deploy/ files: " + names);
        documents.forEach((file, docs) -> {
            assertFalse(docs.isEmpty(), file + " has no YAML document");
            docs.forEach(d -> assertTrue(d.isObject(), file + ": every document is a mapping"));
        });
    }

    @Test
    void everyKubernetesObjectHasApiVersionKindAndName() {
        Set<String> seen = new HashSet<>();
        documents.forEach((file, docs) -> {
            if (!file.startsWith(K8S) || isKustomization(file)) {
                return;
            }
            for (JsonNode d : docs) {
                assertTrue(text(d, "apiVersion").contains("v"), file + ": apiVersion");
                assertFalse(text(d, "kind").isBlank(), file + ": kind");
                String name = text(d, "metadata", "name");
                assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), file + ": metadata.name is a DNS label: " + name);
                assertTrue(seen.add(d.get("kind").asText() + "/" + name), "duplicate object " + name + " in " + file);
            }
        });
        assertEquals(new TreeSet<>(List.of("Namespace", "ConfigMap", "Secret", "Deployment", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "Cluster")), new TreeSet<>(objects.keySet()),
                "kinds in deploy/k8s");
    }

    @Test
    void kustomizationListsEveryManifestAndOnlyExistingFiles() throws IOException {
        JsonNode k = single(K8S.resolve("kustomization.yaml"));
        assertEquals("Kustomization", text(k, "kind"));
        Set<String> listed = new TreeSet<>();
        k.path("resources").forEach(r -> listed.add(r.asText()));
        for (String r : listed) {
            assertTrue(Files.isRegularFile(K8S.resolve(r)), "kustomization lists a missing file: " + r);
        }
        Set<String> present;
        try (Stream<Path> files = Files.list(K8S)) {
            present = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .filter(n -> !n.startsWith("kustomization"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed, "every manifest in deploy/k8s is applied by the kustomization");
        JsonNode image = k.path("images").path(0);
        assertEquals(container().path("image").asText().split(":")[0], image.path("name").asText(),
                "kustomization images: rewrites the Deployment's image");
    }

    @Test
    void deploymentProbesTheHealthEndpointsAndHasLimits() {
        JsonNode deployment = one("Deployment");
        assertTrue(deployment.path("spec").path("replicas").asInt() >= 3, "at least three replicas");
        JsonNode c = container();
        Set<String> ports = new HashSet<>();
        c.path("ports").forEach(p -> {
            ports.add(p.path("name").asText());
            ports.add(p.path("containerPort").asText());
        });
        assertTrue(ports.contains("8080"), "container port 8080");

        assertProbe(c, "livenessProbe", "/q/health/live", ports);
        assertProbe(c, "readinessProbe", "/q/health/ready", ports);
        assertProbe(c, "startupProbe", "/q/health/started", ports);

        JsonNode resources = c.path("resources");
        for (String kind : List.of("requests", "limits")) {
            for (String what : List.of("cpu", "memory")) {
                assertFalse(resources.path(kind).path(what).asText().isBlank(), "resources." + kind + "." + what);
            }
        }
    }

    @Test
    void deploymentRunsNonRootOnAReadOnlyRootWithAWritableTmp() {
        JsonNode spec = one("Deployment").path("spec").path("template").path("spec");
        JsonNode c = container();
        boolean nonRoot = spec.path("securityContext").path("runAsNonRoot").asBoolean()
                || c.path("securityContext").path("runAsNonRoot").asBoolean();
        assertTrue(nonRoot, "runAsNonRoot");
        assertTrue(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertFalse(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation");

        String tmpVolume = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if ("/tmp".equals(m.path("mountPath").asText())) {
                tmpVolume = m.path("name").asText();
            }
        }
        assertNotNull(tmpVolume, "/tmp mounted (Vert.x writes there; the root is read-only)");
        boolean emptyDir = false;
        for (JsonNode v : spec.path("volumes")) {
            emptyDir |= tmpVolume.equals(v.path("name").asText()) && v.has("emptyDir");
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");
        assertFalse(spec.path("topologySpreadConstraints").isEmpty(), "replicas spread over nodes/zones");
        for (JsonNode t : spec.path("topologySpreadConstraints")) {
            assertSelects(t.path("labelSelector").path("matchLabels"), "topologySpreadConstraints");
        }
    }

    @Test
    void deploymentConfigurationComesFromTheConfigMapAndSecrets() {
        JsonNode c = container();
        Set<String> configMaps = names("ConfigMap");
        Set<String> secrets = names("Secret");
        String cluster = text(one("Cluster"), "metadata", "name");
        secrets.add(cluster + "-app"); // generated by CloudNativePG for the initdb owner

        Set<String> fromConfigMaps = new HashSet<>();
        Set<String> fromSecrets = new HashSet<>();
        for (JsonNode e : c.path("envFrom")) {
            if (e.has("configMapRef")) {
                fromConfigMaps.add(e.path("configMapRef").path("name").asText());
            }
            if (e.has("secretRef")) {
                fromSecrets.add(e.path("secretRef").path("name").asText());
            }
        }
        Map<String, String> secretEnv = new LinkedHashMap<>();
        for (JsonNode e : c.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretEnv.put(e.path("name").asText(), ref.path("name").asText());
                fromSecrets.add(ref.path("name").asText());
            }
        }
        assertFalse(fromConfigMaps.isEmpty(), "envFrom a ConfigMap");
        assertTrue(configMaps.containsAll(fromConfigMaps), "ConfigMaps referenced " + fromConfigMaps + ", defined " + configMaps);
        assertTrue(secrets.containsAll(fromSecrets), "Secrets referenced " + fromSecrets + ", defined " + secrets);
        assertEquals(cluster + "-app", secretEnv.get("QUARKUS_DATASOURCE_USERNAME"), "database user from CNPG's app secret");
        assertEquals(cluster + "-app", secretEnv.get("QUARKUS_DATASOURCE_PASSWORD"), "database password from CNPG's app secret");

        JsonNode config = one("ConfigMap").path("data");
        assertEquals("production", config.path("CERTFREE_MODE").asText());
        assertFalse(config.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText().isBlank(), "identity provider JWKS");
        assertFalse(config.path("MP_JWT_VERIFY_ISSUER").asText().isBlank(), "identity provider issuer");

        JsonNode secret = one("Secret");
        assertTrue(secret.path("stringData").has("CERTFREE_KEYS_KEK"), "the key-encryption key comes from the Secret");
        assertFalse(secret.has("data"), "placeholders only, as stringData");
        secret.path("stringData").forEach(v ->
                assertTrue(v.asText().contains("PLACEHOLDER"), "a committed Secret holds placeholders only: " + v));
    }

    @Test
    void theAppConnectsToTheCloudNativePgReadWriteService() {
        JsonNode cluster = one("Cluster");
        assertEquals("postgresql.cnpg.io/v1", text(cluster, "apiVersion"));
        JsonNode spec = cluster.path("spec");
        assertTrue(spec.path("instances").asInt() >= 3, "HA: a primary and at least two replicas");
        assertFalse(spec.path("storage").path("size").asText().isBlank(), "storage.size");
        String database = text(spec, "bootstrap", "initdb", "database");
        assertFalse(text(spec, "bootstrap", "initdb", "owner").isBlank(), "initdb owner");
        String image = spec.path("imageName").asText("");
        if (!image.isEmpty()) {
            assertTrue(majorVersion(image) >= 15, "PostgreSQL 15+: " + image);
        }

        String url = text(one("ConfigMap"), "data", "QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(url.startsWith("jdbc:postgresql://"), url);
        URI uri = URI.create(url.substring("jdbc:".length()));
        assertEquals(text(cluster, "metadata", "name") + "-rw", uri.getHost().split("\\.")[0], "the primary's -rw service");
        assertEquals("/" + database, uri.getPath(), "the database initdb creates");
    }

    @Test
    void serviceHpaAndDisruptionBudgetTargetTheDeployment() {
        String deployment = text(one("Deployment"), "metadata", "name");
        Set<String> portNames = new HashSet<>();
        container().path("ports").forEach(p -> {
            portNames.add(p.path("name").asText());
            portNames.add(p.path("containerPort").asText());
        });

        JsonNode service = one("Service");
        assertSelects(service.path("spec").path("selector"), "Service");
        service.path("spec").path("ports").forEach(p ->
                assertTrue(portNames.contains(p.path("targetPort").asText()), "Service targetPort " + p));

        JsonNode hpa = one("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", text(hpa, "apiVersion"));
        assertEquals("Deployment", text(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals(deployment, text(hpa, "spec", "scaleTargetRef", "name"));
        int min = hpa.path("spec").path("minReplicas").asInt();
        assertTrue(min >= 2 && min <= hpa.path("spec").path("maxReplicas").asInt(), "min/max replicas");
        boolean cpu = false;
        for (JsonNode m : hpa.path("spec").path("metrics")) {
            cpu |= "cpu".equals(m.path("resource").path("name").asText());
        }
        assertTrue(cpu, "scales on CPU");

        JsonNode pdb = one("PodDisruptionBudget");
        assertEquals("policy/v1", text(pdb, "apiVersion"));
        assertSelects(pdb.path("spec").path("selector").path("matchLabels"), "PodDisruptionBudget");
        assertTrue(pdb.path("spec").has("maxUnavailable") || pdb.path("spec").has("minAvailable"), "a budget");
    }

    @Test
    void composeRunsTheServiceInProductionModeOnPostgres15OrLater() throws IOException {
        JsonNode compose = single(DEPLOY.resolve("compose.yaml"));
        JsonNode services = compose.path("services");
        String app = null;
        for (Iterator<String> it = services.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (services.path(name).has("build")) {
                app = name;
            }
        }
        assertNotNull(app, "a service built from deploy/Dockerfile");
        JsonNode service = services.path(app);
        assertEquals("deploy/Dockerfile", service.path("build").path("dockerfile").asText());
        assertTrue(Files.isRegularFile(DEPLOY.resolve(service.path("build").path("context").asText())
                .resolve(service.path("build").path("dockerfile").asText())), "build context + dockerfile exist");

        List<String> databases = new ArrayList<>();
        for (Iterator<String> it = service.path("depends_on").fieldNames(); it.hasNext(); ) {
            String dependency = it.next();
            JsonNode db = services.path(dependency);
            if (db.path("image").asText().startsWith("postgres:")) {
                databases.add(dependency);
                assertTrue(majorVersion(db.path("image").asText()) >= 15, "PostgreSQL 15+: " + db.path("image"));
                assertEquals("service_healthy", service.path("depends_on").path(dependency).path("condition").asText(),
                        "the service waits for a healthy database");
                assertTrue(db.has("healthcheck"), "database healthcheck");
                String volume = db.path("volumes").path(0).asText().split(":")[0];
                assertTrue(compose.path("volumes").has(volume), "database data on a named volume: " + volume);
            }
        }
        assertEquals(1, databases.size(), "the service depends on one PostgreSQL: " + databases);

        JsonNode env = service.path("environment");
        assertEquals("production", env.path("CERTFREE_MODE").asText());
        URI jdbc = URI.create(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText().substring("jdbc:".length()));
        assertEquals(databases.get(0), jdbc.getHost(), "JDBC URL names the compose database service");
        assertEquals("/" + services.path(databases.get(0)).path("environment").path("POSTGRES_DB").asText(), jdbc.getPath());
        for (String required : List.of("QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "MP_JWT_VERIFY_ISSUER", "CERTFREE_KEYS_KEK", "CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY",
                "CERTFREE_PERSONAL_DATA_INDEX_KEY", "CERTFREE_PUBLIC_BASE_URL")) {
            assertTrue(env.path(required).asText().startsWith("${"), required + " comes from deploy/.env, not the file");
        }
    }

    /**
     * Compose, Kubernetes and the start-up check agree on what production needs: a setting the check
     * requires and deploy/ lacks would start a service that refuses (or, before, one that answered 500).
     */
    @Test
    void composeKubernetesAndTheStartupCheckGiveTheSameRequiredSettings() {
        Set<String> required = new TreeSet<>(ProductionSettings.REQUIRED);
        required.add("CERTFREE_MODE");

        assertEquals(required, new TreeSet<>(DeployFiles.composeEnvironment().keySet()),
                "compose gives the service exactly the settings production requires");

        Set<String> configMap = keys(one("ConfigMap").path("data"));
        Set<String> secret = keys(one("Secret").path("stringData"));
        Set<String> secretRefs = new TreeSet<>();
        container().path("env").forEach(e -> secretRefs.add(e.path("name").asText()));
        Set<String> kubernetes = new TreeSet<>(configMap);
        kubernetes.addAll(secret);
        kubernetes.addAll(secretRefs);
        Set<String> tuning = new TreeSet<>(kubernetes);
        tuning.removeAll(required);
        assertEquals(KUBERNETES_TUNING, tuning, "Kubernetes settings beyond the required ones");
        kubernetes.removeAll(KUBERNETES_TUNING);
        assertEquals(required, kubernetes, "ConfigMap + Secret + database secret refs give what production requires");

        for (String key : List.of("CERTFREE_KEYS_KEK", "CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY", "CERTFREE_PERSONAL_DATA_INDEX_KEY")) {
            assertTrue(secret.contains(key) && !configMap.contains(key), key + " is a secret, in the Secret only");
        }
        assertTrue(configMap.contains("CERTFREE_PUBLIC_BASE_URL"), "the public address is configuration");
        assertTrue(ProductionSettings.isHttpUrl(one("ConfigMap").path("data").path("CERTFREE_PUBLIC_BASE_URL").asText()),
                "the ConfigMap's public base URL passes the start-up check");
    }

    /** Kubernetes-only tuning (pool size, the Ingress in front): not required, not in compose. */
    private static final Set<String> KUBERNETES_TUNING = new TreeSet<>(Set.of("QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"));

    private static Set<String> keys(JsonNode mapping) {
        Set<String> out = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void composeVariablesAreAllInTheEnvExample() throws IOException {
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"), StandardCharsets.UTF_8);
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> documented = Files.readAllLines(DEPLOY.resolve("env.example"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches("[A-Z0-9_]+=.*"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(used.isEmpty());
        assertTrue(documented.containsAll(used), "compose uses " + used + ", env.example has " + documented);
    }

    @Test
    void dockerfileRunsTheFastJarAsNonRootInProductionMode() throws IOException {
        List<String> instructions = dockerInstructions(DEPLOY.resolve("Dockerfile"));
        String from = find(instructions, "FROM");
        assertTrue(from.contains("17"), "a Java 17 runtime image: " + from);
        List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
        assertFalse(users.isEmpty(), "a USER instruction");
        String user = users.get(users.size() - 1).substring(5).trim().split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "runs as non-root: " + user);
        assertTrue(user.matches("[0-9]+"), "numeric USER so Kubernetes can verify runAsNonRoot: " + user);
        assertTrue(String.valueOf(one("Deployment").path("spec").path("template").path("spec")
                .path("securityContext").path("runAsUser").asInt()).equals(user), "Deployment runAsUser = image USER");

        List<String> copies = instructions.stream().filter(i -> i.startsWith("COPY ")).toList();
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(copies.stream().anyMatch(c -> c.contains("target/quarkus-app/" + part)),
                    "copies target/quarkus-app/" + part + ": " + copies);
        }
        assertTrue(find(instructions, "EXPOSE").contains("8080"));
        assertTrue(find(instructions, "HEALTHCHECK").contains("/q/health/"), "HEALTHCHECK on a health endpoint");
        assertTrue(instructions.stream().filter(i -> i.startsWith("ENV ")).anyMatch(i -> i.contains("CERTFREE_MODE=production")),
                "production mode by default");
        assertTrue(find(instructions, "ENTRYPOINT").contains("quarkus-run.jar"), "starts the fast-jar");
        assertTrue(find(instructions, "ENTRYPOINT").trim().substring("ENTRYPOINT".length()).trim().startsWith("["),
                "exec form, so java gets SIGTERM");
    }

    // --- helpers

    /** Instructions with continuation lines joined and comments dropped. */
    static List<String> dockerInstructions(Path dockerfile) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            out.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return out;
    }

    private static String find(List<String> instructions, String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).findFirst()
                .orElseGet(() -> fail("Dockerfile has no " + keyword));
    }

    private static void assertProbe(JsonNode container, String probe, String path, Set<String> ports) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), probe);
        assertTrue(ports.contains(get.path("port").asText()), probe + " port is a container port: " + get.path("port"));
    }

    /** The selector's labels are all on the Deployment's pods (and the Deployment's own selector). */
    private static void assertSelects(JsonNode matchLabels, String what) {
        JsonNode deployment = one("Deployment");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertFalse(matchLabels.isEmpty(), what + " has a selector");
        matchLabels.fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), podLabels.path(e.getKey()).asText(), what + " selects the pods by " + e.getKey()));
        deployment.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), podLabels.path(e.getKey()).asText(), "Deployment selector matches its pods"));
    }

    private static JsonNode container() {
        JsonNode containers = one("Deployment").path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = objects.getOrDefault(kind, List.of());
        assertEquals(1, found.size(), "exactly one " + kind + " in deploy/k8s");
        return found.get(0);
    }

    private static Set<String> names(String kind) {
        return objects.getOrDefault(kind, List.of()).stream().map(o -> o.path("metadata").path("name").asText())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static JsonNode single(Path file) {
        List<JsonNode> docs = documents.get(file);
        assertNotNull(docs, "not parsed: " + file);
        assertEquals(1, docs.size(), file + " has one document");
        return docs.get(0);
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        assertTrue(n.isValueNode(), String.join(".", path) + " missing");
        return n.asText();
    }

    /** Major version of a postgres image tag ({@code postgres:17}, {@code …/postgresql:17.2}). */
    static int majorVersion(String image) {
        Matcher m = Pattern.compile(":(\\d+)").matcher(image);
        assertTrue(m.find(), "image with a version tag: " + image);
        return Integer.parseInt(m.group(1));
    }

    private static boolean isKustomization(Path file) {
        return file.getFileName().toString().startsWith("kustomization.");
    }
}
