package org.ordo.party;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.Numbers;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;

/** A customer as a client describes one; also used inline when an order names a new customer. */
public record CustomerDraft(
        @Schema(example = "erika@example.com") String email,
        @Schema(example = "Erika Mustermann") String name,
        @Schema(example = "+49301234567") String phone,
        @Schema(example = "de", description = "de, en, es or ko") String locale,
        CustomerType type,
        String company,
        String vatId,
        Boolean smsConsent,
        List<Address> addresses,
        @Schema(description = "may goods ship before payment (invoice, cash on delivery)") Boolean shipBeforePayment,
        @Schema(example = "1000.00", description = "most that may be open (shipped or released, unpaid) at once") String creditLimit) {

    /** A consumer known only by contact details, as orders name them inline. */
    public static CustomerDraft contact(String email, String name, String locale) {
        return new CustomerDraft(email, name, null, locale, null, null, null, null, null, null, null);
    }

    /** Checks every field; {@code prefix} is where the customer sits in the request ("" or "customer."). */
    public void check(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String emailFault = EmailAddresses.fault(email);
        if (emailFault != null) {
            errors.add(new FieldError(prefix + "email", emailFault));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError(prefix + "name", "is required, at most 200 characters"));
        }
        if (locale != null && !Locales.isSupported(locale)) {
            errors.add(new FieldError(prefix + "locale", "must be one of " + Locales.SUPPORTED));
        }
        if (phone != null && !phone.matches("^\\+?[0-9 ()/-]{4,30}$")) {
            errors.add(new FieldError(prefix + "phone", "must be a phone number, e.g. +49301234567"));
        }
        if (Boolean.TRUE.equals(smsConsent) && phone == null) {
            errors.add(new FieldError(prefix + "smsConsent", "needs a phone number"));
        }
        if (type == CustomerType.BUSINESS && (company == null || company.isBlank())) {
            errors.add(new FieldError(prefix + "company", "is required for business customers"));
        }
        if (company != null && company.length() > 200) {
            errors.add(new FieldError(prefix + "company", "must be at most 200 characters"));
        }
        if (vatId != null && !vatId.matches("^[A-Z]{2}[0-9A-Za-z+*.]{2,13}$")) {
            errors.add(new FieldError(prefix + "vatId", "must be a VAT id such as DE123456789"));
        }
        // Stored with 2 decimals: more would be rounded away, so they are refused (invariant 8 in docs/design.md).
        String creditLimitFault = creditLimit == null ? null : Numbers.fault(creditLimit, 2);
        if (creditLimitFault != null) {
            errors.add(new FieldError(prefix + "creditLimit", creditLimitFault));
        }
        if (addresses != null) {
            if (addresses.size() > 20) {
                errors.add(new FieldError(prefix + "addresses", "at most 20"));
            }
            for (int i = 0; i < addresses.size(); i++) {
                if (addresses.get(i) == null) {
                    errors.add(new FieldError(prefix + "addresses[" + i + "]", "must not be null"));
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
