package org.ordo.platform;

/** Something named in the request does not exist; answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " does not exist");
    }
}
