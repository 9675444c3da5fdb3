package com.certcare.customer.directory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of an address: SVG (one path of unit squares, scales to any print size) or PNG. Error correction M
 * (15 %), a quiet zone of 4 modules as ISO/IEC 18004 asks.
 */
final class QrCodes {

    static final int MIN_PNG = 64;
    static final int MAX_PNG = 1024;

    private QrCodes() {
    }

    static byte[] svg(String text) {
        BitMatrix m = matrix(text, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
        return svg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A PNG about {@code size} pixels wide: whole pixels per module, so the code stays sharp. */
    static byte[] png(String text, int size) {
        BitMatrix m = matrix(text, 0);
        int scale = Math.max(1, size / m.getWidth());
        int width = m.getWidth() * scale;
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }
}
