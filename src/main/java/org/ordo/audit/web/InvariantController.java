package org.ordo.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.audit.InvariantChecker;
import org.ordo.audit.InvariantReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Operations for administrators")
class InvariantController {

    private final InvariantChecker checker;

    InvariantController(InvariantChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/invariants")
    @Operation(operationId = "checkInvariants", summary = "Check the invariants now", description = """
            Reads the whole database in one snapshot and reports every place where stock, reservations, order
            lines, timelines or the event outbox break a rule. Always 200: `ok` is false and `findings` name the
            invariant and the place when anything is wrong. The same check runs as `java -jar ordo.jar check`.""")
    InvariantReport invariants() {
        return checker.check();
    }
}
