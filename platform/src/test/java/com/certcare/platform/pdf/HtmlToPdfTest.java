package com.certcare.platform.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The converter without Quarkus: the font is embedded, and a missing font is an error naming its config key. */
class HtmlToPdfTest {

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    static final String PAGE = "<html><head><style>* { font-family: 'CertCare CJK'; }</style></head><body><p>合同编号 ZLCC-2026-0001"
            + " 星澜精密机械（苏州）有限公司 &amp; &lt;script&gt;</p></body></html>";

    @Test
    void embedsASubsetOfTheCollectionsFace() throws IOException {
        byte[] pdf = new HtmlToPdf(FONT, "WenQuanYiMicroHei").convert(PAGE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("星澜精密机械（苏州）有限公司"), text);
            assertTrue(text.contains("ZLCC-2026-0001"), text);
            assertTrue(text.contains("& <script>"), text);
            assertEveryFontEmbedded(document);
        }
        assertTrue(pdf.length < 200_000, "a subset, not the 5 MB font: " + pdf.length + " bytes");
    }

    @Test
    void aMissingFontFailsNamingTheConfigKey() {
        PdfFontMissing e = assertThrows(PdfFontMissing.class, () -> new HtmlToPdf("/nonexistent/font.ttc", "X").convert(PAGE));
        assertTrue(e.getMessage().contains("certcare.pdf.font-path"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/font.ttc"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install fonts-wqy-microhei"), e.getMessage());
    }

    @Test
    void anUnknownFaceOfTheCollectionFailsNamingIt() {
        PdfFontMissing e = assertThrows(PdfFontMissing.class, () -> new HtmlToPdf(FONT, "NoSuchFace").convert(PAGE));
        assertTrue(e.getMessage().contains("NoSuchFace") && e.getMessage().contains("certcare.pdf.font-face"), e.getMessage());
    }

    static void assertEveryFontEmbedded(PDDocument document) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName());
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            }
        }
        assertFalse(fonts.isEmpty(), "the pages use no font");
        assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYiMicroHei")), "the Chinese font: " + fonts);
    }
}
