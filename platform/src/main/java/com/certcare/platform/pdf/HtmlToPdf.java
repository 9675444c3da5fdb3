package com.certcare.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML to PDF with openhtmltopdf, the configured Chinese font embedded as a subset (only the glyphs the document
 * uses). The templates name the font as {@value #FONT_FAMILY}. Each call opens the font afresh: nothing is shared
 * between renderings, so calls may run in parallel. A service builds one from {@link PdfConfig}
 * ({@code new HtmlToPdf(config.fontPath(), config.fontFace())}) and feeds it what its Qute templates render.
 */
public final class HtmlToPdf {

    /** The CSS font-family the templates use for every text. */
    public static final String FONT_FAMILY = "CertCare CJK";

    /** Characters XML 1.0 does not allow (a control character in a name would stop the parser). */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final String fontPath;
    private final String fontFace;

    public HtmlToPdf(String fontPath, String fontFace) {
        this.fontPath = fontPath;
        this.fontFace = fontFace;
    }

    /** The PDF of a well-formed XHTML document (what a service's Qute templates produce). */
    public byte[] convert(String xhtml) {
        try (OpenFont font = openFont(); PDDocument pdf = new PDDocument()) {
            // embedSubset = true: PDFBox writes only the used glyphs when the document is saved (inside run())
            PDType0Font pdFont = PDType0Font.load(pdf, font.face(), true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.useFont(new PDFontSupplier(pdFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            // the face has no bold: bold text uses the same glyphs rather than a font without Chinese
            builder.useFont(new PDFontSupplier(pdFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withProducer("CertCare");
            builder.withHtmlContent(NOT_XML.matcher(xhtml).replaceAll("\uFFFD"), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed: " + e.getMessage(), e);
        }
    }

    /** A face and what must be closed after the document is saved (the collection, or the face itself). */
    private record OpenFont(TrueTypeFont face, Closeable owner) implements Closeable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    private OpenFont openFont() {
        Path path = Path.of(fontPath);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new PdfFontMissing("no PDF can be rendered: the font " + fontPath + " (" + PdfConfig.FONT_PATH_KEY
                    + ") is missing or unreadable; install it (apt-get install fonts-wqy-microhei) or point "
                    + PdfConfig.FONT_PATH_KEY + " at a TrueType font with Chinese glyphs", null);
        }
        File file = path.toFile();
        try {
            if (fontPath.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                TrueTypeFont face = collection.getFontByName(fontFace);
                if (face == null) {
                    collection.close();
                    throw new PdfFontMissing("no PDF can be rendered: the font collection " + fontPath + " ("
                            + PdfConfig.FONT_PATH_KEY + ") has no face named " + fontFace + " (certcare.pdf.font-face)", null);
                }
                return new OpenFont(face, collection);
            }
            TrueTypeFont single = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new OpenFont(single, single);
        } catch (IOException e) {
            throw new PdfFontMissing("no PDF can be rendered: the font " + fontPath + " (" + PdfConfig.FONT_PATH_KEY
                    + ") cannot be read: " + e.getMessage(), e);
        }
    }
}
