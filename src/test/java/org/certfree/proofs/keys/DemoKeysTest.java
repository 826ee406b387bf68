package org.certfree.proofs.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.keys.dto.KeyView;
import org.junit.jupiter.api.Test;

/** Demo start gives every demo department that signs its keys, idempotently, and none to service windows. */
@QuarkusTest
class DemoKeysTest {

    @Inject
    DemoData demoData;

    @Inject
    KeyService keys;

    @Test
    void demoSigningDepartmentsHaveBothKeysAndSeedingTwiceAddsNothing() {
        demoData.seed();
        assertEquals(7, demoData.seedKeys(), "six issuers and the justice bureau");
        List<String> first = keys.list("BZGAJ").stream().map(KeyView::kid).toList();
        assertEquals(2, first.size());
        demoData.seedKeys();
        assertEquals(first, keys.list("BZGAJ").stream().map(KeyView::kid).toList());
        assertEquals(2, keys.list("BZSFJ").size(), "the justice bureau signs publication manifests");
        assertTrue(keys.list("KELSZWZX").isEmpty(), "a service window signs nothing");
    }
}
