package org.ordo.backoffice.web;

import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the next page after a redirect: {@code kind} is success or error, {@code key} a message
 * key of the back office's bundle, {@code args} its arguments (e.g. an order number, or the detail of a refusal).
 */
public record Flash(String kind, String key, List<Object> args) implements java.io.Serializable {

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Flash("success", key, texts(args)));
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Flash("error", key, texts(args)));
    }

    /** Flashes travel in the session (stored in the database): keep numbers as numbers, the rest as text. */
    private static List<Object> texts(Object... args) {
        return java.util.Arrays.stream(args).map(a -> a instanceof Number ? a : String.valueOf(a)).toList();
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
