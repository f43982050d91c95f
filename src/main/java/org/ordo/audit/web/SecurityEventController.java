package org.ordo.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
import org.ordo.platform.security.SecurityAuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Administration", description = "Operations for administrators")
class SecurityEventController {

    private final SecurityAuditLog log;
    private final int maxPageSize;

    SecurityEventController(SecurityAuditLog log, OrdoProperties properties) {
        this.log = log;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @GetMapping("/security-events")
    @Operation(operationId = "listSecurityEvents", summary = "The security audit log, newest first (admin only)", description = """
            Users created, disabled, enabled, given another role or a new password; failed and throttled logins;
            API keys issued and revoked; refused attempts to remove the last admin access; rejected webhooks. Each
            entry names who acted (`actor`), whom or what it is about (`subject`) and the client address.
            Append-only. Keyset paging: pass the answer's `next` as `after`.""")
    Slice<SecurityAuditLog.SecurityEvent> securityEvents(@RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        return log.newestFirst(Slice.checkLimit(limit, maxPageSize), after);
    }
}
