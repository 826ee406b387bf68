package org.certfree.proofs.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an OFD package (a zip) that nobody vouches for, into a folder the caller owns: no entry name may leave the
 * folder (absolute, backslash, drive letter, {@code ..} or {@code .} segments, control characters, duplicates —
 * also ones differing only in case), and counts and sizes are capped while the bytes are inflated, whatever the
 * headers claim, so a zip bomb stops at the limit. ofdrw's own unzip checks none of this (its zip-slip check does not
 * normalise, and its size limit is a no-op in 2.3.8), so it never sees an upload.
 */
public final class SafeUnzip {

    private SafeUnzip() {
    }

    /**
     * Limits of one package.
     *
     * @param maxEntries    entries (files and folders)
     * @param maxEntryBytes inflated bytes of one entry
     * @param maxTotalBytes inflated bytes of all entries
     * @param maxRatio      inflated bytes per byte of the package, over the whole package and over each large entry
     * @param maxNameLength characters of an entry name
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxNameLength) {

        /** A proof's OFD is about 100 kB with 11 files; these leave room for other issuers' documents. */
        public static final Limits DEFAULT = new Limits(256, 16L << 20, 48L << 20, 100, 255);
    }

    /** Why a package was refused. */
    public enum Reason {
        /** An entry name that is not a plain relative path inside the package. */
        NAME,
        /** More entries than allowed. */
        COUNT,
        /** An entry or the whole package inflates beyond the limit. */
        SIZE,
        /** Inflated bytes per packed byte beyond the limit: the mark of a zip bomb. */
        RATIO,
        /** Not a readable zip. */
        MALFORMED
    }

    /** A refused package; nothing of it is left in the target folder's meaning (the caller deletes the folder). */
    public static final class UnsafePackageException extends Exception {
        private final Reason reason;

        UnsafePackageException(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Entries smaller than this are not ratio-checked on their own: small XML files compress well. */
    private static final long RATIO_FLOOR_BYTES = 64 * 1024;

    /** Longest name of one file or folder in UTF-8 bytes: what Linux file systems take (255), with room to spare. */
    static final int MAX_SEGMENT_BYTES = 200;

    /** Extracts {@code zip} into the existing, empty folder {@code dir}. */
    public static void extract(byte[] zip, Path dir, Limits limits) throws UnsafePackageException, IOException {
        Path root = dir.toAbsolutePath().normalize();
        Set<String> seen = new HashSet<>();
        long total = 0;
        int count = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw new UnsafePackageException(Reason.COUNT, "more than " + limits.maxEntries() + " entries");
                }
                String name = checkedName(entry.getName(), limits);
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw new UnsafePackageException(Reason.NAME, "duplicate entry " + name);
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new UnsafePackageException(Reason.NAME, "entry outside the package: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                long written = 0;
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        written += n;
                        total += n;
                        if (written > limits.maxEntryBytes()) {
                            throw new UnsafePackageException(Reason.SIZE, name + " inflates beyond "
                                    + limits.maxEntryBytes() + " bytes");
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw new UnsafePackageException(Reason.SIZE, "package inflates beyond "
                                    + limits.maxTotalBytes() + " bytes");
                        }
                        if (total > RATIO_FLOOR_BYTES && total / Math.max(1, zip.length) > limits.maxRatio()) {
                            throw new UnsafePackageException(Reason.RATIO, "package inflates more than "
                                    + limits.maxRatio() + " times");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                long packed = entry.getCompressedSize();
                if (written > RATIO_FLOOR_BYTES && packed > 0 && written / packed > limits.maxRatio()) {
                    throw new UnsafePackageException(Reason.RATIO, name + " inflates more than " + limits.maxRatio()
                            + " times");
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new UnsafePackageException(Reason.MALFORMED, "not a readable zip: " + e.getMessage());
        } catch (FileSystemException e) {
            // names the file system refuses inside our own folder: a file and a folder of one name ("a" then "a/b"),
            // or a name the file system finds too long — the package's fault, not ours
            throw new UnsafePackageException(Reason.NAME, "entry the file system refuses: " + e.getReason());
        }
        if (count == 0) {
            throw new UnsafePackageException(Reason.MALFORMED, "empty or not a zip");
        }
    }

    /** The entry name if it is a plain relative path; folders keep their trailing slash. */
    static String checkedName(String name, Limits limits) throws UnsafePackageException {
        if (name == null || name.isEmpty() || name.length() > limits.maxNameLength()) {
            throw new UnsafePackageException(Reason.NAME, "entry name empty or too long");
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            throw new UnsafePackageException(Reason.NAME, "absolute or non-portable entry name: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new UnsafePackageException(Reason.NAME, "control character in entry name");
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new UnsafePackageException(Reason.NAME, "entry name with an empty, . or .. segment: " + name);
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new UnsafePackageException(Reason.NAME, "entry name with a segment over " + MAX_SEGMENT_BYTES
                        + " bytes");
            }
        }
        return name;
    }

    /** Reads at most {@code max} bytes of an upload, or refuses it as too large. */
    public static byte[] readUpload(InputStream in, long max) throws IOException, UnsafePackageException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw new UnsafePackageException(Reason.SIZE, "upload larger than " + max + " bytes");
        }
        return data;
    }
}
