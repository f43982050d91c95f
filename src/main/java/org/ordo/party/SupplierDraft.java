package org.ordo.party;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;

public record SupplierDraft(
        @Schema(example = "ACME", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + CODE + "$", maxLength = 32) String code,
        @Schema(example = "ACME Textiles GmbH", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = CustomerDraft.NAME) String name,
        @Schema(maxLength = EmailAddresses.MAX_LENGTH) String email,
        @Schema(example = "+49301234567", pattern = CustomerDraft.PHONE, maxLength = 31) String phone,
        Address address,
        @Schema(example = "5", minimum = "0", maximum = "" + MAX_LEAD_TIME_DAYS) Integer leadTimeDays,
        @Schema(example = "EUR", pattern = "^[A-Z]{3}$", maxLength = 3) String currency,
        @Schema(example = "de", allowableValues = {"de", "en", "es", "ko"}, description = "the language of its purchase orders (default en)") String locale) {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";
    private static final int MAX_LEAD_TIME_DAYS = 365;

    /** A supplier without a stated language: its purchase orders are in English. */
    public SupplierDraft(String code, String name, String email, String phone, Address address, Integer leadTimeDays,
            String currency) {
        this(code, name, email, phone, address, leadTimeDays, currency, null);
    }

    public void check() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            errors.add(new FieldError("code", Wording.of("party.is_required_1_32_letters_digits")));
        }
        if (name == null || name.isBlank() || name.length() > CustomerDraft.NAME) {
            errors.add(new FieldError("name", Wording.of("party.is_required_at_most_200_characters")));
        }
        Wording emailFault = email == null ? null : EmailAddresses.fault(email);
        if (emailFault != null) {
            errors.add(new FieldError("email", emailFault));
        }
        // the same form as a customer's phone: without a check any text up to the body limit was stored
        if (phone != null && !phone.matches(CustomerDraft.PHONE)) {
            errors.add(new FieldError("phone", Wording.of("party.must_be_a_phone_number_e")));
        }
        if (leadTimeDays != null && (leadTimeDays < 0 || leadTimeDays > MAX_LEAD_TIME_DAYS)) {
            errors.add(new FieldError("leadTimeDays", Wording.of("party.must_be_between_0_and_365")));
        }
        if (currency != null && !Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", Wording.of("party.is_not_an_iso_4217_currency")));
        }
        if (locale != null && !org.ordo.platform.Locales.isSupported(locale)) {
            errors.add(new FieldError("locale", Wording.of("platform.must_be_one_of",
                    org.ordo.platform.Locales.SUPPORTED)));
        }
        if (address != null) {
            errors.addAll(address.problems("address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
