package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.returns.ReturnReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the customer that the returned goods arrived and were checked, and lists what came. */
@Component
class ReturnArrivalNotice {

    private final ReturnMails mails;

    ReturnArrivalNotice(ReturnMails mails) {
        this.mails = mails;
    }

    @EventListener
    void on(ReturnReceived received) {
        mails.queue(MessageKind.RETURN_RECEIVED, received.returnId(), Map.of(), line -> line.received());
    }
}
