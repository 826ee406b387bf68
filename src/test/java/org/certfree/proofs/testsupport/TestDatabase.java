package org.certfree.proofs.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestResource} once for every {@code @QuarkusTest}. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {

    private TestDatabase() {
    }
}
