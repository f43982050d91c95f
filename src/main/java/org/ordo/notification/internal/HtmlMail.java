package org.ordo.notification.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail, made from the same rendered text as the plain part, so both always say the same.
 * Everything is escaped first (names, article titles and addresses come from customers); then blank lines make
 * paragraphs, single line breaks stay breaks, and web addresses become links.
 */
final class HtmlMail {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private HtmlMail() {
    }

    static String render(String subject, String body, String locale) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(locale))
                .append("\">\n<head><meta charset=\"UTF-8\"><title>").append(escape(subject))
                .append("</title></head>\n<body style=\"font-family: sans-serif; font-size: 15px; line-height: 1.5;")
                .append(" color: #1a1a1a;\">\n");
        for (String paragraph : body.split("\\n\\s*\\n")) {
            html.append("<p>").append(linked(escape(paragraph.strip())).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Links the addresses in already escaped text; an escaped address is its own safe link target. */
    private static String linked(String escaped) {
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            // "&amp;" inside a URL is the escaped "&": right in both the text and the href.
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
