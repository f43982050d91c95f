package org.ordo.mailroom.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;

/**
 * A mail taken apart: its text (plain, else HTML without the markup) and its attachments. An inline image without a
 * file name (a logo in a signature) is not an attachment. Bounded: a mail of more than {@link #MAX_PARTS} parts or
 * nested deeper than {@link #MAX_DEPTH} is read only that far.
 */
public record MailParts(String text, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    static final int MAX_PARTS = 50;
    static final int MAX_DEPTH = 5;

    public static MailParts of(Part mail) throws MessagingException, IOException {
        List<Attachment> attachments = new ArrayList<>();
        String[] text = new String[2];
        walk(mail, 0, attachments, text);
        String body = text[0] != null ? text[0] : text[1] == null ? "" : text[1]
                .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&");
        return new MailParts(body.strip(), List.copyOf(attachments));
    }

    private static void walk(Part part, int depth, List<Attachment> attachments, String[] text)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH || attachments.size() >= MAX_PARTS) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount() && i < MAX_PARTS; i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, depth + 1, attachments, text);
            }
            return;
        }
        String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && text[0] == null) {
            text[0] = String.valueOf(part.getContent());
        } else if (!attachment && part.isMimeType("text/html") && text[1] == null) {
            text[1] = String.valueOf(part.getContent());
        } else if (attachment) {
            try (InputStream in = part.getInputStream()) {
                attachments.add(new Attachment(fileName, baseType(part.getContentType()), in.readAllBytes()));
            }
        }
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (RuntimeException | jakarta.mail.internet.ParseException e) {
            return "application/octet-stream";
        }
    }
}
