package org.ordo.party;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;

public record SupplierDraft(
        @Schema(example = "ACME") String code,
        @Schema(example = "ACME Textiles GmbH") String name,
        String email,
        String phone,
        Address address,
        @Schema(example = "5") Integer leadTimeDays,
        @Schema(example = "EUR") String currency,
        @Schema(example = "de", description = "de, en, es or ko: the language of its purchase orders (default en)") String locale) {

    /** A supplier without a stated language: its purchase orders are in English. */
    public SupplierDraft(String code, String name, String email, String phone, Address address, Integer leadTimeDays,
            String currency) {
        this(code, name, email, phone, address, leadTimeDays, currency, null);
    }

    public void check() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            errors.add(new FieldError("code", "is required: 1-32 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        String emailFault = email == null ? null : EmailAddresses.fault(email);
        if (emailFault != null) {
            errors.add(new FieldError("email", emailFault));
        }
        if (leadTimeDays != null && (leadTimeDays < 0 || leadTimeDays > 365)) {
            errors.add(new FieldError("leadTimeDays", "must be between 0 and 365"));
        }
        if (currency != null && !Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
        }
        if (locale != null && !org.ordo.platform.Locales.isSupported(locale)) {
            errors.add(new FieldError("locale", "must be one of " + org.ordo.platform.Locales.SUPPORTED));
        }
        if (address != null) {
            errors.addAll(address.problems("address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
