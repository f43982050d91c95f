package org.ordo.notification.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Properties;

import org.ordo.platform.TextBundle;

/**
 * The texts of customer messages, one bundle per language ({@code messages/notification_<locale>.properties},
 * UTF-8): the {@code notification} {@link TextBundle}. A file of the same name in the override folder wins key by
 * key over the built-in one, read at each use so that an operator's change needs no rebuild or restart.
 * Placeholders are {@code {name}}.
 */
public class Templates {

    static final String NAME = "notification";

    private final TextBundle bundle;

    public Templates(Path overrides, ZoneId zone) {
        this.bundle = new TextBundle(NAME, overrides, zone);
    }

    public static String fileName(String locale) {
        return TextBundle.fileName(NAME, locale);
    }

    /** The built-in texts of a language, exactly as shipped. */
    public static Properties builtIn(String locale) {
        return TextBundle.builtIn(NAME, locale);
    }

    /** The texts and formats of one supported language (unsupported locales get English). */
    public TextBundle.Texts in(String locale) {
        return bundle.in(locale);
    }
}
