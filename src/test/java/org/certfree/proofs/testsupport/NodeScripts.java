package org.certfree.proofs.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node.js checks under src/test/js (independent JOSE/SM2 verification, the page in
 * headless Chromium). They need node/npm (and Chromium for pages), which a JDK-only machine lacks:
 * there they are skipped, and the console (stderr) says which check, why, and how to run it; CI sets
 * CI=true, and then a missing tool FAILS the test.
 */
public final class NodeScripts {

    public static final Path DIR = Path.of("src", "test", "js");
    private static volatile boolean installed;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private NodeScripts() {
    }

    /** Result of a script run. */
    public record Run(int exit, String stdout, String stderr) {
    }

    public static Run run(String script, String... args) {
        require("node", "--version", NODE);
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return exec(command, 120);
    }

    /** Skips (or, on CI, fails) when Chromium is missing. */
    public static void requireChromium() {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            missing("Chromium (" + chromium + ")", "apt-get install chromium (or set CHROMIUM to a Chromium binary)");
        }
    }

    private static synchronized void install() {
        if (installed || installedFromCurrentLock()) {
            installed = true;
            return;
        }
        require("npm", "--version", NODE);
        Run run = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        assertEquals(0, run.exit(), "npm ci in src/test/js failed:\n" + run.stderr());
        installed = true;
    }

    /**
     * node_modules was installed from the lock file as it is now: npm writes node_modules/.package-lock.json
     * on every install, so a lock file changed since (a package added on another branch) installs again.
     */
    private static boolean installedFromCurrentLock() {
        Path installedLock = DIR.resolve("node_modules").resolve(".package-lock.json");
        try {
            return Files.exists(installedLock) && Files.getLastModifiedTime(installedLock)
                    .compareTo(Files.getLastModifiedTime(DIR.resolve("package-lock.json"))) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static final String NODE = "install Node.js 20 with npm (apt-get install nodejs npm, or https://nodejs.org)";

    private static void require(String tool, String versionFlag, String install) {
        try {
            Process p = new ProcessBuilder(tool, versionFlag).redirectErrorStream(true).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        missing(tool, install);
    }

    /** Fails on CI; elsewhere skips the calling test and says why on the console, once per test class and tool. */
    private static void missing(String what, String install) {
        String message = "This test needs " + what + ", which is not installed.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " CI must install it (.ci/run).");
        }
        String test = callingTest();
        if (REPORTED.add(test + " " + what)) {
            // Surefire shows an aborted test only as "Skipped: n"; the reason would stay in target/surefire-reports
            System.err.printf("SKIPPED %s: it needs %s, which is not installed here.%n"
                    + "  To run it: %s, then ./mvnw test -Dtest=%s%n"
                    + "  (with CI=true a missing tool fails the build instead of skipping the check)%n",
                    test, what, install, test.substring(test.lastIndexOf('.') + 1));
        }
        Assumptions.abort(message + " Skipped outside CI; to run it: " + install + ".");
    }

    /** The test class that asked for the tool (the first caller outside this class). */
    private static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(NodeScripts.class.getName())).findFirst().orElse("a Node.js check"));
    }

    private static Run exec(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("node-out", ".txt");
            Path err = Files.createTempFile("node-err", ".txt");
            Process p = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " timed out");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
