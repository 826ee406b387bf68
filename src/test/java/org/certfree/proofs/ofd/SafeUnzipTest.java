package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entry names that leave the package, duplicates and oversized entries never reach the disk as given. */
class SafeUnzipTest {

    @Test
    void unsafeNamesAreRefused() {
        for (String name : List.of("../x", "a/../../x", "a/./b", "/etc/x", "a\\b", "C:/x", "a//b", "", "a/\u0000b",
                "x".repeat(300))) {
            SafeUnzip.UnsafePackageException e = assertThrows(SafeUnzip.UnsafePackageException.class,
                    () -> SafeUnzip.checkedName(name, SafeUnzip.Limits.DEFAULT), name);
            assertEquals(SafeUnzip.Reason.NAME, e.reason(), name);
        }
    }

    @Test
    void plainNamesPass() throws Exception {
        for (String name : List.of("OFD.xml", "Doc_0/Pages/Page_0/Content.xml", "Doc_0/Res/", "a..b/c")) {
            assertEquals(name, SafeUnzip.checkedName(name, SafeUnzip.Limits.DEFAULT));
        }
    }

    @Test
    void duplicatesDifferingOnlyInCaseAreRefused() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("OFD.xml", new byte[1]);
        files.put("ofd.XML", new byte[1]);
        assertEquals(SafeUnzip.Reason.NAME, extract(OfdZips.zip(files), SafeUnzip.Limits.DEFAULT).reason());
    }

    @Test
    void anEntryBeyondItsLimitStopsThere() throws Exception {
        SafeUnzip.Limits small = new SafeUnzip.Limits(10, 1000, 10_000, 1000, 255);
        assertEquals(SafeUnzip.Reason.SIZE, extract(OfdZips.zip(Map.of("a", new byte[2000])), small).reason());
        SafeUnzip.Limits ratio = new SafeUnzip.Limits(10, 1 << 30, 1L << 30, 100, 255);
        assertEquals(SafeUnzip.Reason.RATIO, extract(OfdZips.zip(Map.of("a", new byte[1 << 20])), ratio).reason());
    }

    @Test
    void aFileAndAFolderOfOneNameAreRefusedNotAnError() throws Exception {
        for (List<String> names : List.of(List.of("a", "a/b"), List.of("a/b", "a"))) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            names.forEach(n -> files.put(n, new byte[1]));
            assertEquals(SafeUnzip.Reason.NAME, extract(OfdZips.zip(files), SafeUnzip.Limits.DEFAULT).reason(),
                    names.toString());
        }
    }

    @Test
    void aNameTheFileSystemCannotHoldIsRefused() throws Exception {
        String cjk = "证".repeat(90); // 90 characters, 270 bytes in UTF-8: within the length limit, beyond a file name's
        SafeUnzip.UnsafePackageException e = assertThrows(SafeUnzip.UnsafePackageException.class,
                () -> SafeUnzip.checkedName("Doc_0/" + cjk, SafeUnzip.Limits.DEFAULT));
        assertEquals(SafeUnzip.Reason.NAME, e.reason());
        assertEquals(SafeUnzip.Reason.NAME, extract(OfdZips.zip(Map.of("Doc_0/" + cjk, new byte[1])),
                SafeUnzip.Limits.DEFAULT).reason());
    }

    private static SafeUnzip.UnsafePackageException extract(byte[] zip, SafeUnzip.Limits limits) throws Exception {
        Path dir = Files.createTempDirectory("certfree-ofd-test-");
        try {
            return assertThrows(SafeUnzip.UnsafePackageException.class, () -> SafeUnzip.extract(zip, dir, limits));
        } finally {
            TempFolders.delete(dir);
        }
    }
}
