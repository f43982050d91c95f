package org.ordo.platform;

/**
 * Something named in the request does not exist; answered 404. {@code what} is the kind of thing in English
 * ({@code "order"}, {@code "purchase order"}); it is said in the reader's language from the entry
 * {@code platform.thing.<what in lower case, words joined by _>}.
 */
public class NotFoundException extends RuntimeException {

    private final Wording wording;

    public NotFoundException(String what, Object key) {
        this(Wording.of("platform.not_found", Wording.of("platform.thing." + slug(what)), key));
    }

    private NotFoundException(Wording wording) {
        super(wording.english());
        this.wording = wording;
    }

    /** {@code "Purchase order"} is the entry {@code thing.purchase_order}. */
    static String slug(String what) {
        return what.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    public Wording wording() {
        return wording;
    }
}
