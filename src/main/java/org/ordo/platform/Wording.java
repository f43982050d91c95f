package org.ordo.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence Ordo says when it refuses something (a field that is wrong, a state that forbids a change, a thing
 * that does not exist), kept as a key and its arguments so that it can be said in each of Ordo's four languages.
 * The API answers in English ({@link #english()}); the back office and the customer's pages show it in the
 * reader's language ({@link #in(Locale)}).
 *
 * <p>The key's first part names the bundle: {@code ordering.quantity_whole} is the entry {@code quantity_whole} of
 * {@code messages/problems/ordering_<lang>.properties}. Entries are {@link MessageFormat} patterns (a quote is
 * written {@code ''}). Arguments are shown as written: numbers without grouping, text as is; an argument that is
 * itself a {@code Wording} (a state, a kind of thing) is said in the same language. A language without the entry
 * says it in English. Every entry is in all four languages: {@code ProblemBundlesTests}.
 */
public record Wording(String key, List<Object> args) {

    /** Where the bundles are. */
    public static final String BUNDLES = "messages/problems/";

    private static final ConcurrentHashMap<String, ResourceBundle> BUNDLE_CACHE = new ConcurrentHashMap<>();

    private static final ResourceBundle NONE = new java.util.ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[0][];
        }
    };

    public Wording {
        if (key == null || key.indexOf('.') <= 0) {
            throw new IllegalArgumentException("a wording's key is <bundle>.<entry>: " + key);
        }
        args = List.copyOf(Arrays.stream(args.toArray()).map(a -> a == null ? "null" : a).toList());
    }

    public static Wording of(String key, Object... args) {
        return new Wording(key, Arrays.asList(args));
    }

    /** A state of a lifecycle ({@code ON_HOLD}), said as a person would ("on hold", "angehalten"). */
    public static Wording state(Enum<?> state) {
        return of("platform.state." + state.name());
    }

    /** The sentence in English, as the API answers it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** The sentence in {@code locale}'s language, or in English where that language lacks it. */
    public String in(Locale locale) {
        String pattern = pattern(key, locale);
        if (pattern == null) {
            pattern = pattern(key, Locale.ENGLISH);
        }
        Object[] shown = args.stream().map(a -> shown(a, locale)).toArray();
        if (pattern == null) {
            // A state without an entry of its own is its name, as a person would read it.
            if (key.startsWith("platform.state.")) {
                return key.substring("platform.state.".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
            }
            throw new MissingResourceException("no wording " + key, Wording.class.getName(), key);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    @Override
    public String toString() {
        return english();
    }

    private static String shown(Object arg, Locale locale) {
        if (arg instanceof Wording w) {
            return w.in(locale);
        }
        return String.valueOf(arg);
    }

    /** The entry for {@code key} in {@code locale}'s bundle, or {@code null}. */
    public static String pattern(String key, Locale locale) {
        int dot = key.indexOf('.');
        ResourceBundle bundle = bundle(key.substring(0, dot), locale.getLanguage());
        String entry = key.substring(dot + 1);
        return bundle.containsKey(entry) ? bundle.getString(entry) : null;
    }

    private static ResourceBundle bundle(String name, String language) {
        return BUNDLE_CACHE.computeIfAbsent(name + "_" + language, k -> {
            try {
                return ResourceBundle.getBundle(BUNDLES + name, Locale.forLanguageTag(language),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException e) {
                return NONE;
            }
        });
    }
}
