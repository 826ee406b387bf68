package org.certfree.proofs.ofd;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.certfree.proofs.keys.pki.TestCa;

/**
 * An official seal system is configured ({@code certfree.ofd.seal-maker-roots-file} = {@link TestCa#SEAL_SYSTEM}):
 * seal makers chain to its root only, and the service makes no demo seals although it is in demo mode.
 */
public class SealSystemProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("certfree.ofd.seal-maker-roots-file", TestCa.SEAL_SYSTEM.file().toAbsolutePath().toString());
    }
}
