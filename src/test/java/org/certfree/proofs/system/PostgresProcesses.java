package org.certfree.proofs.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The PostgreSQL processes of an embedded database, found and judged from /proc (Linux). */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** Processes whose command line names postgres and our data directory (read from /proc). */
    static List<ProcessHandle> postgresOn(Path dataDirectory) {
        if (dataDirectory == null) {
            return List.of();
        }
        String dir = dataDirectory.toAbsolutePath().toString();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String cmdline = cmdline(p);
                if (cmdline.contains("postgres") && cmdline.contains(dir)) {
                    ProcessHandle.of(Long.parseLong(p.getFileName().toString()))
                            .filter(PostgresProcesses::running)
                            .ifPresent(found::add);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    static void waitGone(ProcessHandle p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(p) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Alive and not a zombie: a postmaster that has exited stays a zombie until its new parent
     * (PID 1) reaps it, and {@link ProcessHandle#isAlive()} still says true for it.
     */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"), StandardCharsets.UTF_8);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
