package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.returns.ReturnAuthorized;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The customer's RMA number and how to send the goods back, when a return is authorized. */
@Component
class ReturnInstructions {

    private final ReturnMails mails;

    ReturnInstructions(ReturnMails mails) {
        this.mails = mails;
    }

    @EventListener
    void on(ReturnAuthorized authorized) {
        mails.queue(MessageKind.RETURN_AUTHORIZED, authorized.returnId(), Map.of(), line -> line.quantity());
    }
}
