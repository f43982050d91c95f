package org.ordo.platform;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * E-mail addresses that the mailer can deliver to. Checked with the mail library's own strict parser, the one
 * that later sends the mail, so an address accepted here never fails (and retries) at sending: a bare address
 * ({@code erika@example.com}, no display name or comments), at most 254 characters, and a domain with a dot
 * (mail to a host name without one cannot leave the shop's network).
 */
public final class EmailAddresses {

    /** The longest address SMTP carries (RFC 5321 path limit); the OpenAPI document states it. */
    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** What is wrong with the address, or null when mail can be sent to it. */
    public static Wording fault(String address) {
        if (address == null || address.isBlank()) {
            return Wording.of("platform.email_required");
        }
        if (address.length() > MAX_LENGTH) {
            return Wording.of("platform.must_be_at_most_characters", MAX_LENGTH);
        }
        if (TextInput.fault(address, false) != null || !address.equals(address.strip())) {
            return Wording.of("platform.email_invalid");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String parsedAddress = parsed.getAddress();
            // A display name or a comment ("Erika <e@x.de>") parses, but it is not an address to store.
            if (parsed.getPersonal() != null || !address.equals(parsedAddress)) {
                return Wording.of("platform.email_with_name");
            }
            int at = parsedAddress.lastIndexOf('@');
            String domain = parsedAddress.substring(at + 1);
            if (at < 1 || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")
                    || domain.startsWith("[")) {
                return Wording.of("platform.email_domain");
            }
        } catch (AddressException e) {
            return Wording.of("platform.email_invalid");
        }
        return null;
    }

    /** Refuses the address with a 422 naming the field. */
    public static String check(String field, String address) {
        Wording fault = fault(address);
        if (fault != null) {
            throw new InvalidInputException(field, fault);
        }
        return address;
    }
}
