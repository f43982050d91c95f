package org.ordo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module boundaries: modules talk only through each other's root package, without cycles. The generated module
 * documentation is {@link ModuleDocumentationTests}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Ordo.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }
}
