package org.ordo.party;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.Numbers;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;
import org.ordo.platform.Wording;

/** A customer as a client describes one; also used inline when an order names a new customer. */
public record CustomerDraft(
        @Schema(example = "erika@example.com", requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = EmailAddresses.MAX_LENGTH) String email,
        @Schema(example = "Erika Mustermann", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME) String name,
        @Schema(example = "+49301234567", pattern = PHONE, maxLength = 31) String phone,
        @Schema(example = "de", description = "de, en, es or ko", allowableValues = {"de", "en", "es", "ko"}) String locale,
        CustomerType type,
        @Schema(description = "required for business customers", maxLength = NAME) String company,
        @Schema(example = "DE123456789", pattern = VAT_ID, maxLength = 15) String vatId,
        @Schema(description = "needs a phone") Boolean smsConsent,
        @ArraySchema(maxItems = ADDRESSES) List<Address> addresses,
        @Schema(description = "may goods ship before payment (invoice, cash on delivery)") Boolean shipBeforePayment,
        @Schema(example = "1000.00", description = "most that may be open (shipped or released, unpaid) at once; "
                + "at most 2 decimals", pattern = Numbers.DECIMAL, maxLength = Numbers.MAX_LENGTH) String creditLimit,
        @Schema(description = "a customer the shop trusts: the replacement of an exchange ships at once, before the "
                + "returned goods arrive (default false)") Boolean trusted) {

    /** Limits and forms that {@link #check} applies and the OpenAPI document states. */
    static final int NAME = 200;
    static final int ADDRESSES = 20;
    static final String PHONE = "^\\+?[0-9 ()/-]{4,30}$";
    static final String VAT_ID = "^[A-Z]{2}[0-9A-Za-z+*.]{2,13}$";

    /** A consumer known only by contact details, as orders name them inline. */
    public static CustomerDraft contact(String email, String name, String locale) {
        return new CustomerDraft(email, name, null, locale, null, null, null, null, null, null, null, null);
    }

    /** Checks every field; {@code prefix} is where the customer sits in the request ("" or "customer."). */
    public void check(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Wording emailFault = EmailAddresses.fault(email);
        if (emailFault != null) {
            errors.add(new FieldError(prefix + "email", emailFault));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError(prefix + "name", Wording.of("party.is_required_at_most_characters", NAME)));
        }
        if (locale != null && !Locales.isSupported(locale)) {
            errors.add(new FieldError(prefix + "locale", Wording.of("platform.must_be_one_of", Locales.SUPPORTED)));
        }
        if (phone != null && !phone.matches(PHONE)) {
            errors.add(new FieldError(prefix + "phone", Wording.of("party.must_be_a_phone_number_e")));
        }
        if (Boolean.TRUE.equals(smsConsent) && phone == null) {
            errors.add(new FieldError(prefix + "smsConsent", Wording.of("party.needs_a_phone_number")));
        }
        if (type == CustomerType.BUSINESS && (company == null || company.isBlank())) {
            errors.add(new FieldError(prefix + "company", Wording.of("party.is_required_for_business_customers")));
        }
        if (company != null && company.length() > NAME) {
            errors.add(new FieldError(prefix + "company", Wording.of("platform.must_be_at_most_characters", NAME)));
        }
        if (vatId != null && !vatId.matches(VAT_ID)) {
            errors.add(new FieldError(prefix + "vatId", Wording.of("party.must_be_a_vat_id_such")));
        }
        // Stored with 2 decimals: more would be rounded away, so they are refused (invariant 8 in docs/design.md).
        Wording creditLimitFault = creditLimit == null ? null : Numbers.fault(creditLimit, 2);
        if (creditLimitFault != null) {
            errors.add(new FieldError(prefix + "creditLimit", creditLimitFault));
        }
        if (addresses != null) {
            if (addresses.size() > ADDRESSES) {
                errors.add(new FieldError(prefix + "addresses", Wording.of("party.at_most", ADDRESSES)));
            }
            for (int i = 0; i < addresses.size(); i++) {
                if (addresses.get(i) == null) {
                    errors.add(new FieldError(prefix + "addresses[" + i + "]", Wording.of("party.must_not_be_null")));
                } else {
                    errors.addAll(addresses.get(i).problems(prefix + "addresses[" + i + "]"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public String normalizedEmail() {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
