package org.certfree.proofs.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from, per mode. */
class KekProviderTest {

    @TempDir
    Path dir;

    /** A config with only what KekProvider reads; everything else fails loudly. */
    private static CertfreeConfig config(CertfreeConfig.Mode mode, String dataDir, String kek) {
        CertfreeConfig.Keys keys = (CertfreeConfig.Keys) Proxy.newProxyInstance(KekProviderTest.class.getClassLoader(),
                new Class<?>[] { CertfreeConfig.Keys.class }, (p, m, a) -> switch (m.getName()) {
                    case "kek" -> Optional.ofNullable(kek);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (CertfreeConfig) Proxy.newProxyInstance(KekProviderTest.class.getClassLoader(),
                new Class<?>[] { CertfreeConfig.class }, (p, m, a) -> switch (m.getName()) {
                    case "mode" -> mode;
                    case "dataDir" -> dataDir;
                    case "keys" -> keys;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static KekProvider provider(CertfreeConfig config) {
        KekProvider p = new KekProvider();
        p.config = config;
        return p;
    }

    @Test
    void productionRefusesToStartWithoutAKek() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> provider(config(CertfreeConfig.Mode.PRODUCTION, dir.toString(), null)).encryption());
        assertTrue(e.getMessage().contains("CERTFREE_KEYS_KEK"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("keys")), "production writes no key file");
    }

    @Test
    void aConfiguredKekIsUsedInEveryMode() {
        byte[] kek = new byte[32];
        kek[0] = 7;
        String b64 = Base64.getEncoder().encodeToString(kek);
        for (CertfreeConfig.Mode mode : CertfreeConfig.Mode.values()) {
            assertEquals(org.certfree.proofs.keys.crypto.KeyEncryption.idOf(kek),
                    provider(config(mode, dir.toString(), " " + b64 + "\n")).encryption().kekId());
        }
        assertTrue(Files.notExists(dir.resolve("keys")));
    }

    @Test
    void aMalformedKekIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> provider(config(CertfreeConfig.Mode.PRODUCTION, dir.toString(), "not base64!")).encryption());
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> provider(config(CertfreeConfig.Mode.DEMO, dir.toString(), short16)).encryption());
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void demoModeGeneratesAnOwnerOnlyKekOnceAndKeepsIt() throws Exception {
        String first = provider(config(CertfreeConfig.Mode.DEMO, dir.toString(), null)).encryption().kekId();
        Path file = dir.resolve("keys").resolve("kek");
        assertTrue(Files.exists(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        byte[] stored = Base64.getDecoder().decode(Files.readString(file).trim());
        assertEquals(32, stored.length);
        assertEquals(first, provider(config(CertfreeConfig.Mode.DEMO, dir.toString(), null)).encryption().kekId(),
                "a restart uses the same KEK");
        assertArrayEquals(stored, KekProvider.demoKek(file));
    }
}
