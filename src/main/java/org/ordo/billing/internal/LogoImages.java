package org.ordo.billing.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * A logo as uploaded, made safe to show everywhere: only PNG and JPEG are taken, recognised by their first bytes
 * (never by the file's name or the type the browser claims); the size in pixels is read from the header before
 * anything is decoded, so that a small file cannot unpack into gigabytes; the picture is then drawn anew and kept
 * as a PNG of at most {@value #MAX_WIDTH} x {@value #MAX_HEIGHT} pixels, so that nothing else the file carried
 * (metadata, appended bytes, a second format hidden in it) is ever served. SVG is refused, not cleaned: it is a
 * document that can hold scripts, links to other servers and entity tricks, cleaning it safely takes a sanitiser
 * of its own, and the PDFs could not draw it anyway.
 */
public final class LogoImages {

    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_WIDTH = 600;
    public static final int MAX_HEIGHT = 300;
    /** Larger pictures are refused before decoding: 4,000 x 4,000 x 4 bytes is already 64 MB in memory. */
    public static final int MAX_SOURCE_SIDE = 4000;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private LogoImages() {
    }

    /** The upload as the PNG Ordo keeps; a 422 naming the field {@code logo} when it is not a usable image. */
    public static byte[] reencode(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("logo", Wording.of("billing.is_required_choose_a_png_or"));
        }
        if (upload.length > MAX_BYTES) {
            throw new InvalidInputException("logo", Wording.of("billing.must_be_at_most_kb", MAX_BYTES / 1024));
        }
        if (!startsWith(upload, PNG) && !startsWith(upload, JPEG)) {
            throw new InvalidInputException("logo", Wording.of(looksLikeSvg(upload) ? "billing.logo_svg"
                    : "billing.logo_not_png_or_jpeg"));
        }
        BufferedImage image = decode(upload);
        double scale = Math.min(1.0, Math.min((double) MAX_WIDTH / image.getWidth(),
                (double) MAX_HEIGHT / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawn.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawn, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException("logo", Wording.of("billing.must_be_a_png_or_jpeg"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
                    throw new InvalidInputException("logo", Wording.of("billing.must_be_at_most_x_pixels",
                            MAX_SOURCE_SIDE, MAX_SOURCE_SIDE));
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidInputException("logo", Wording.of("billing.must_be_a_png_or_jpeg"));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            // a damaged or truncated file: ImageIO reports it in many ways
            throw new InvalidInputException("logo", Wording.of("billing.must_be_a_png_or_jpeg"));
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean looksLikeSvg(byte[] upload) {
        String head = new String(upload, 0, Math.min(upload.length, 512), StandardCharsets.UTF_8)
                .toLowerCase(java.util.Locale.ROOT);
        return head.contains("<svg") || head.stripLeading().startsWith("<?xml");
    }
}
