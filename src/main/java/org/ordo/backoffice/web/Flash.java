package org.ordo.backoffice.web;

import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the next page after a redirect: {@code kind} is success or error, {@code key} a message
 * key of the back office's bundle, {@code args} its arguments (e.g. an order number, or the detail of a refusal).
 */
public record Flash(String kind, String key, List<Object> args) {

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Flash("success", key, List.of(args)));
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", new Flash("error", key, List.of(args)));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
