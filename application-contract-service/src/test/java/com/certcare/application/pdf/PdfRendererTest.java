package com.certcare.application.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The forms 16-02 and 16-01 as PDF: the Chinese text comes back out, the font is embedded, markup in data stays text. */
@QuarkusTest
class PdfRendererTest {

    static final String CUSTOMER = "星澜精密机械（苏州）有限公司";

    @Inject
    PdfRenderer renderer;

    @Test
    void contractCarriesTheChineseNameTheNumberAndTheFeesInAnEmbeddedFont() throws IOException {
        byte[] pdf = renderer.contract(contract(CUSTOMER, "ZLCC-2026-0042"));
        keep("contract.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(CUSTOMER), text);
            assertTrue(text.contains("ZLCC-2026-0042"), text);
            assertTrue(text.contains("38,000.00"), "initial-audit fee: " + text);
            assertTrue(text.contains("12,500.50"), "surveillance-audit fee: " + text);
            assertTrue(text.contains("ZLCX-16-02"), "form number: " + text);
            assertTrue(text.contains("认证合同"), text);
            assertTrue(text.contains("示例认证有限公司"), "the body from certcare.body.name: " + text);
            assertTrue(text.contains("GB/T 19001-2016 / ISO 9001:2015 质量管理体系"), text);
            assertTrue(text.contains("苏州工业园区星澜路8号"), "a site: " + text);
            assertEveryFontEmbedded(document);
        }
    }

    @Test
    void applicationCarriesTheApplicantTheReferenceAndItsAnswers() throws IOException {
        byte[] pdf = renderer.application(new ApplicationDocument("ZLCX-16-01", "APP-2026-000123",
                organisation(CUSTOMER), List.of(new Scheme("QMS", "GB/T 19001-2016 / ISO 9001:2015 质量管理体系")),
                "精密机械零部件的加工", List.of(new Site("总部", "苏州工业园区星澜路8号", "加工、装配", 180)), 215, "两班制",
                "热处理（外包给苏州某热处理厂）",
                List.of(new ApplicationDocument.ExistingCertification("EMS", "EMS-2024-0099", "某认证机构", LocalDate.of(2027, 5, 31))),
                null, LocalDate.of(2026, 11, 30), "已提交 SUBMITTED"));
        keep("application.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of(CUSTOMER, "APP-2026-000123", "ZLCX-16-01", "认证申请书", "91320594MA1XYZ1234",
                    "215", "两班制", "热处理（外包给苏州某热处理厂）", "EMS-2024-0099", "2027年5月31日", "2026年11月30日",
                    "已提交 SUBMITTED", "无 None")) {
                assertTrue(text.contains(expected), expected + " in: " + text);
            }
            assertEveryFontEmbedded(document);
        }
    }

    @Test
    void markupAndAmpersandsInTheDataArePrintedAsText() throws IOException {
        String name = "A&B <script>alert('x')</script> 机械有限公司 <b>粗</b> &amp;";
        byte[] pdf = renderer.contract(contract(name, "ZLCC-2026-0043"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(name), text);
        }
    }

    @Test
    void aNameWithAControlCharacterStillRenders() throws IOException {
        byte[] pdf = renderer.contract(contract("星澜\u0007机械有限公司", "ZLCC-2026-0044"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(document).contains("ZLCC-2026-0044"));
        }
    }

    /** The samples stay in target/pdf-samples for a look at the layout. */
    static void keep(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "pdf-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }

    static ContractDocument contract(String customer, String number) {
        return new ContractDocument("ZLCX-16-02", number, organisation(customer),
                List.of(new Scheme("QMS", "GB/T 19001-2016 / ISO 9001:2015 质量管理体系"),
                        new Scheme("EMS", "GB/T 24001-2016 / ISO 14001:2015 环境管理体系")),
                "精密机械零部件的加工", List.of(new Site("总部", "苏州工业园区星澜路8号", "加工、装配", 180),
                        new Site("二厂", "苏州市吴中区木渎镇金枫路99号", "热处理前的粗加工", null)),
                new BigDecimal("38000.00"), new BigDecimal("12500.50"), "合同签订后10个工作日内支付初次认证审核费的50%，审核结束后支付其余部分。",
                LocalDate.of(2026, 12, 1), null);
    }

    static Organisation organisation(String name) {
        return new Organisation(name, "91320594MA1XYZ1234", "李明", "苏州工业园区星澜路8号", "江苏省", "215000",
                new Contact("王芳", "0512-66668888", "wangfang@example.com"));
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
