package org.certfree.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.certfree.proofs.catalog.archfixture.CatalogUsingProof;
import org.certfree.proofs.common.archfixture.CommonUsingSystem;
import org.certfree.proofs.keys.archfixture.CycleA;
import org.certfree.proofs.keys.archfixture.CycleB;
import org.certfree.proofs.keys.archfixture.KeysUsingDemo;
import org.certfree.proofs.keys.archfixture.MovesTheClock;
import org.certfree.proofs.proof.archfixture.ProofUsingCatalogFixture;
import org.certfree.proofs.system.archfixture.SystemUsingProof;
import org.certfree.proofs.verification.archfixture.VerificationUsingProofEntity;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ArchitectureTest} fails on a class (under test sources) made to break it. */
class ArchitectureRulesCatchTest {

    private static JavaClasses only(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    /** The rule fails on the classes, naming the first of them as the offender. */
    private static void fails(ArchRule rule, Class<?>... classes) {
        AssertionError e = assertThrows(AssertionError.class, () -> rule.check(only(classes)), rule.getDescription());
        assertTrue(e.getMessage().contains(classes[0].getName()), e.getMessage());
    }

    @Test
    void commonUsingSystemIsCaught() {
        fails(ArchitectureTest.commonImportsNothingOfOurs(), CommonUsingSystem.class);
    }

    @Test
    void systemUsingAFeatureIsCaught() {
        fails(ArchitectureTest.systemImportsOnlyCommon(), SystemUsingProof.class);
    }

    @Test
    void aCycleBetweenPackagesIsCaught() {
        AssertionError e = assertThrows(AssertionError.class, () -> ArchitectureTest.noFeatureCycles()
                .check(only(CatalogUsingProof.class, ProofUsingCatalogFixture.class, org.certfree.proofs.proof.ProofStatus.class)));
        assertTrue(e.getMessage().contains("Cycle detected"), e.getMessage());
    }

    @Test
    void aFeatureUsingOneAboveItIsCaught() {
        fails(ArchitectureTest.featuresOneWay(), CatalogUsingProof.class, org.certfree.proofs.proof.ProofStatus.class);
    }

    @Test
    void anotherFeaturesEntityIsCaught() {
        fails(ArchitectureTest.entitiesAndResourcesStayInTheirFeature("proof"), VerificationUsingProofEntity.class);
    }

    @Test
    void usingDemoIsCaught() {
        fails(ArchitectureTest.nothingImportsDemo(), KeysUsingDemo.class);
    }

    @Test
    void movingTheClockIsCaught() {
        fails(ArchitectureTest.nobodyMovesTheClock(), MovesTheClock.class);
    }

    @Test
    void anInjectionCycleIsCaught() {
        List<String> cycle = ArchitectureTest.injectionCycle(only(CycleA.class, CycleB.class));
        assertEquals(3, cycle.size(), "A → B → A: " + cycle);
        assertEquals(cycle.get(0), cycle.get(2));
    }
}
