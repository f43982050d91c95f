package org.ordo.platform.security;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordo.platform.Actor;
import org.ordo.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys for integrations and scripts (admin only)")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role,
            @Schema(example = "amazon-de", description = """
                    The marketplace this key acts for: it may place orders with paymentMethod "marketplace" (on
                    channel "marketplace"), which are PAID and released at once. Lower-case letters, digits, '.', '_',
                    '-'; at most 50. Fixed for the key's life.""")
            @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,49}", message = "must be 1-50 of a-z, 0-9, '.', '_', '-'")
            @Size(max = 50)
            String marketplace) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "issueApiKey", summary = "Issue a key", description = "The key is in the answer once; only its hash is stored.")
    ApiKeys.IssuedKey issue(@Valid @RequestBody NewApiKey request) {
        return keys.issue(request.name().trim(), request.role(), request.marketplace(), Actor.current());
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List keys (without their secret)")
    List<ApiKeys.ApiKeyInfo> list() {
        return keys.list();
    }

    @PostMapping("/{id}/revoke")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key at once", description = """
            The next request with the key is refused, on every node. The last active admin key cannot be revoked
            (409, type last-admin): issue another admin key first.""")
    ApiKeys.ApiKeyInfo revoke(@PathVariable UUID id) {
        return keys.revoke(id);
    }
}
