package org.ordo.platform.web;

import java.io.IOException;

/** A request body went past the configured limit; answered 413. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
