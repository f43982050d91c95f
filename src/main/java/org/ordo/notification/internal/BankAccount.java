package org.ordo.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account customers pay prepayment orders into, printed in payment reminders. Unset: the reminder asks the
 * customer to reply for the bank details instead.
 */
@ConfigurationProperties("ordo.notification.bank")
public record BankAccount(String holder, String iban, String bic) {

    public boolean configured() {
        return iban != null && !iban.isBlank();
    }
}
