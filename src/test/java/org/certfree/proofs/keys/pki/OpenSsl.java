package org.certfree.proofs.keys.pki;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs OpenSSL 3 for an independent check; skips the test only when it is missing outside CI. */
final class OpenSsl {

    /** GM/T 0009 default user ID, which OpenSSL 3 needs to be told. */
    static final String DISTID = "distid:1234567812345678";

    record Result(int exit, String output) {
    }

    private OpenSsl() {
    }

    static void require() throws InterruptedException {
        Result v = run(Path.of("."), "version");
        if (v.exit() != 0 && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("openssl is not installed: the independent certificate checks are skipped outside CI");
        }
        if (v.exit() != 0 || !v.output().startsWith("OpenSSL 3")) {
            fail("these checks need OpenSSL 3 on PATH: " + v.output());
        }
    }

    static Result run(Path dir, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
    }
}
