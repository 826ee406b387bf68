package org.certfree.proofs.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.junit.jupiter.api.Test;

/** The demo seeding runs twice without adding anything the second time (restarts keep data as is). */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    DepartmentService departments;

    @Test
    void seedingIsIdempotentAndGivesEveryRoleADepartment() {
        demoData.seed();
        assertEquals(0, demoData.seed());
        assertTrue(departments.hasRole("BZGAJ", DepartmentRole.ISSUER));
        assertTrue(departments.hasRole("BZSFJ", DepartmentRole.REVIEWER));
        assertTrue(departments.hasRole("KELSZWZX", DepartmentRole.USING_UNIT));
        assertEquals("BZZWZX", departments.find("LTXZWZX").orElseThrow().parentCode());
        DemoData.DEPARTMENTS.forEach(d -> assertTrue(Uscc.isValid(d.uscc()), d.code()));
    }
}
