package org.ordo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading received mails in tests: the plain and HTML text, the attachments, a PDF's text. */
public final class Mails {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private Mails() {
    }

    public static String text(Part mail) throws MessagingException, IOException {
        return first(mail, "text/plain");
    }

    public static String html(Part mail) throws MessagingException, IOException {
        return first(mail, "text/html");
    }

    private static String first(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = first(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static List<Attachment> attachments(Part mail) throws MessagingException, IOException {
        List<Attachment> found = new ArrayList<>();
        if (mail.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) mail.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (InputStream in = part.getInputStream()) {
                        found.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                    }
                } else {
                    found.addAll(attachments(part));
                }
            }
        }
        return found;
    }

    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
