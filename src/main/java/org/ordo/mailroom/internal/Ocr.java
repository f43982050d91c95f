package org.ordo.mailroom.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Optical character recognition of a page image with the tesseract command line (Debian's {@code tesseract-ocr}
 * with the deu, eng, spa and kor languages). Run as a separate process with a time limit, so that a hostile image
 * cannot hang or crash the application.
 */
@Component
public class Ocr {

    /** What OCR made of a page: the text, or why there is none. */
    public record Recognised(String text, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final String command;
    private final String languages;
    private final long timeoutSeconds;

    Ocr(@Value("${ordo.ocr.command:tesseract}") String command,
            @Value("${ordo.ocr.languages:deu+eng+spa+kor}") String languages,
            @Value("${ordo.ocr.timeout-seconds:60}") long timeoutSeconds) {
        this.command = command;
        this.languages = languages;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Recognises the text of one image (PNG, JPEG, TIFF); never throws. */
    public Recognised read(byte[] image) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ordo-ocr");
            Path input = dir.resolve("page");
            Files.write(input, image);
            // --psm 6: one uniform block of text keeps the lines of an order form together
            Path output = dir.resolve("text.txt");
            ProcessBuilder builder = new ProcessBuilder(List.of(command, input.toString(), "stdout", "-l", languages,
                    "--psm", "6")).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            // one thread per page: tesseract's own threads gain little on one page and crowd out the requests
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Recognised("", "OCR took longer than " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                return new Recognised("", "OCR could not read the image (exit " + process.exitValue() + ")");
            }
            return new Recognised(Files.readString(output, StandardCharsets.UTF_8).strip(), null);
        } catch (IOException e) {
            return new Recognised("", "OCR is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Recognised("", "OCR was interrupted");
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp directory
                }
            }
        }
    }
}
