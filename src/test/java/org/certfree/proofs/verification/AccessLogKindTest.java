package org.certfree.proofs.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.certfree.proofs.system.access.AccessKind;
import org.junit.jupiter.api.Test;

/** Every kind a feature can fire through the holder-access seam can be shown in the holder's log, with its label. */
class AccessLogKindTest {

    @Test
    void everyAccessKindIsAnEntryKindWithTheSameLabel() {
        for (AccessKind k : AccessKind.values()) {
            assertEquals(k.chinese(), AccessLogKind.of(k).chinese(), k.name());
        }
    }

    @Test
    void theOnlyEntryKindOfItsOwnIsAVerification() {
        Set<String> own = Arrays.stream(AccessLogKind.values()).map(Enum::name).collect(Collectors.toSet());
        own.removeAll(Arrays.stream(AccessKind.values()).map(Enum::name).collect(Collectors.toSet()));
        assertEquals(Set.of("VERIFICATION"), own);
    }
}
