package org.certfree.proofs.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) started as a separate
 * process on a free port, in a folder of the caller's choosing, with only the environment it is given
 * (none of the QUARKUS_/CERTFREE_/MP_JWT_ settings of the build leak into it).
 */
final class PackagedService {

    /** Settings that would point the child at another database or mode; the child gets none of them. */
    private static final List<String> INHERITED_SETTINGS = List.of("QUARKUS_", "CERTFREE_", "MP_JWT_", "SMALLRYE_JWT_");

    /** A running instance: its process, port, working directory and output file. */
    record App(Process process, int port, Path directory, Path log, long startedNanos) {
        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    private final Path appJar;
    private final Path workDir;
    private final HttpClient http;
    private final List<Process> started = new ArrayList<>();

    PackagedService(Path appJar, Path workDir, HttpClient http) {
        this.appJar = appJar;
        this.workDir = workDir;
        this.http = http;
    }

    /** Starts an instance in {@code directory} with {@code env} (and {@code -Dquarkus.http.port} on a free port). */
    App start(Path directory, Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(workDir, "service-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dquarkus.http.port=" + port, "-jar", appJar.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> INHERITED_SETTINGS.stream().anyMatch(k::startsWith));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process = pb.start();
        started.add(process);
        return new App(process, port, directory, log, t0);
    }

    /** Polls readiness; returns the time from process start to the first 200. */
    Duration awaitReady(App a, Duration timeout) throws Exception {
        long deadline = a.startedNanos() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!a.process().isAlive()) {
                fail("service exited with " + a.process().exitValue() + " before it was ready" + logTail(a));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(a.url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - a.startedNanos());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("not ready within " + timeout.toSeconds() + " s" + logTail(a));
        return null;
    }

    /** Kills whatever is still running (clean-up after a failed test). */
    void killAll() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    static String logTail(App a) {
        try {
            List<String> lines = Files.readAllLines(a.log(), StandardCharsets.UTF_8);
            return "\n--- service output (last 40 lines) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return " (no output: " + e.getMessage() + ")";
        }
    }
}
