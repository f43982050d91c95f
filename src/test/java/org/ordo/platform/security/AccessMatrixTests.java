package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;

/**
 * docs/security.md says who may call what exactly as the access table decides it. When the table or a screen
 * changes, regenerate the section with {@value AccessMatrix#REGENERATE}; the rest of the file is left alone.
 */
class AccessMatrixTests {

    private static final Path DOCUMENT = Path.of("docs/security.md");

    @Test
    void theDocumentedMatrixIsTheOneTheTableMakes() throws IOException {
        String generated = AccessMatrix.section(AccessMatrix.screens());
        String document = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : null;
        if (Boolean.getBoolean("ordo.docs.write")) {
            Files.writeString(DOCUMENT, AccessMatrix.into(document, generated), StandardCharsets.UTF_8);
            document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        }
        assertThat(document).as("%s is missing; create it with: %s", DOCUMENT, AccessMatrix.REGENERATE).isNotNull();
        assertThat(AccessMatrix.in(document))
                .as("The section \"Who may call what\" in %s differs from the access table (AccessRules and the "
                        + "Screen beans). Regenerate it with: %s", DOCUMENT, AccessMatrix.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theMatrixShowsTheInvoicesOfAnOrderToAdminsAndAgentsOnly() {
        String matrix = AccessMatrix.section(AccessMatrix.screens());

        assertThat(matrix).contains("| `GET /api/v1/orders/{id}/invoices` | ✓ | ✓ | | |")
                .contains("| `POST /api/v1/payments/webhooks/stripe` | the Stripe-Signature header");
    }

    @Test
    void everyScreenOfTheBackOfficeIsInTheMatrix() {
        var screens = AccessMatrix.screens();

        assertThat(screens).extracting(Screen::path).contains("/orders", "/warehouse", "/admin");
        assertThat(AccessMatrix.section(screens)).contains("| `/admin` | ✓ | | | |");
        assertThat(screens).filteredOn(s -> s.path().equals("/warehouse")).singleElement()
                .satisfies(s -> assertThat(s.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.WAREHOUSE));
    }

    @Test
    void theSectionReplacesOnlyWhatIsBetweenItsMarkers() {
        String other = "# Security\n\n## Sessions\n\nWritten by hand.\n\n";
        String old = AccessMatrix.BEGIN + "\nold\n" + AccessMatrix.END + "\n";
        String section = AccessMatrix.BEGIN + "\nnew\n" + AccessMatrix.END + "\n";

        assertThat(AccessMatrix.into(other + old + "\n## After\n", section))
                .isEqualTo(other + section + "\n## After\n");
        assertThat(AccessMatrix.into(other, section)).isEqualTo(other.stripTrailing() + "\n\n" + section);
        assertThat(AccessMatrix.into(null, section)).startsWith("# Security\n\n").endsWith(section);
    }
}
