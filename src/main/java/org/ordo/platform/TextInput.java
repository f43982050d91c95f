package org.ordo.platform;

/**
 * The one rule for text that people and systems send (JSON, forms, imports), invariant 8 in docs/design.md:
 * no NUL, no unpaired UTF-16 surrogate (the text was not valid Unicode), no control characters except tab, and
 * line breaks (CR, LF) only in fields that may hold several lines. Such text is refused, never cleaned.
 */
public final class TextInput {

    /** The longest reason a person gives (cancelling, holding, declining, withdrawing); the document states it. */
    public static final int MAX_REASON = 500;

    private TextInput() {
    }

    /** What is wrong with the text, or null when it may be taken. */
    public static Wording fault(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Wording.of("platform.text_nul");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Wording.of("platform.text_surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                return Wording.of("platform.text_surrogate");
            }
            if (c == '\r' || c == '\n') {
                if (!multiLine) {
                    return Wording.of("platform.text_single_line");
                }
            } else if (c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                return Wording.of("platform.text_control", "%04X".formatted((int) c));
            }
        }
        return null;
    }

    /** Refuses the field's text with a 422 naming it, as {@link #fault} says. */
    public static String check(String field, String text, boolean multiLine) {
        Wording fault = fault(text, multiLine);
        if (fault != null) {
            throw new InvalidInputException(field, fault);
        }
        return text;
    }
}
