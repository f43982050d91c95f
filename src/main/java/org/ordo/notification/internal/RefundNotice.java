package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.returns.ReturnRefunded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the customer how much of a return is refunded; nothing is sent for a refund of nothing. */
@Component
class RefundNotice {

    private final ReturnMails mails;

    RefundNotice(ReturnMails mails) {
        this.mails = mails;
    }

    @EventListener
    void on(ReturnRefunded refunded) {
        if (refunded.amount().amount().signum() <= 0) {
            return;
        }
        mails.queue(MessageKind.RETURN_REFUNDED, refunded.returnId(),
                Map.of("amount", mails.textsFor(refunded.returnId()).money(refunded.amount())), line -> 0);
    }
}
