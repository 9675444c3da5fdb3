package com.certcare.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.certcare.testsupport.SampleFiles;

/** The type comes from the bytes alone; the name and declared type play no part. */
class FileTypeTest {

    @TempDir
    Path dir;

    @Test
    void aPdfIsToldByItsMagicNumber() throws IOException {
        assertEquals(Optional.of(FileType.PDF), FileType.of(write("a.txt", SampleFiles.pdf("hello"))));
    }

    @Test
    void aDocxIsAZipWhoseDirectoryListsContentTypesAndTheWordDocument() throws IOException {
        assertEquals(Optional.of(FileType.DOCX), FileType.of(write("a.pdf", SampleFiles.docx("你好"))));
    }

    @Test
    void scansArePngOrJpegByTheirSignatureAndNeverAPublicDocument() throws IOException {
        byte[] png = SampleFiles.png();
        byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
        assertEquals(Optional.of(FileType.PNG), FileType.of(write("scan.pdf", png), FileType.ALL));
        assertEquals(Optional.of(FileType.JPEG), FileType.of(write("scan.pdf", jpeg), FileType.ALL));
        assertEquals(Optional.of(FileType.PDF), FileType.of(write("a.png", SampleFiles.pdf("x")), FileType.ALL));
        // a public document stays PDF or DOCX
        assertTrue(FileType.of(write("scan2.pdf", png)).isEmpty());
        assertTrue(FileType.of(write("scan3.pdf", jpeg)).isEmpty());
        // the first bytes of a signature only are not enough
        assertTrue(FileType.of(write("cut.png", Arrays.copyOf(png, 7)), FileType.ALL).isEmpty());
        assertTrue(FileType.of(write("cut.jpg", Arrays.copyOf(jpeg, 2)), FileType.ALL).isEmpty());
    }

    @Test
    void textNamedPdfAnyZipAnEmptyFileAndATruncatedZipAreNeither() throws IOException {
        assertTrue(FileType.of(write("fake.pdf", SampleFiles.text())).isEmpty());
        assertTrue(FileType.of(write("sheet.docx", SampleFiles.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<x/>"))).isEmpty());
        assertTrue(FileType.of(write("empty.pdf", new byte[0])).isEmpty());
        byte[] docx = SampleFiles.docx("x");
        assertTrue(FileType.of(write("cut.docx", Arrays.copyOf(docx, docx.length / 2))).isEmpty(),
                "a ZIP cut off before its directory is not a DOCX");
        assertTrue(FileType.of(write("pdf-", "%PDF".getBytes())).isEmpty(), "four bytes of the magic are not enough");
    }

    @Test
    void theDownloadNameKeepsTheSendersNameWithoutDirectoriesOrControlsAndEndsInTheType() {
        assertEquals("scan.pdf.png", FileNames.of("scan.pdf", FileType.PNG));
        assertEquals("认证规则.pdf", FileNames.of("C:\\Users\\mei\\认证规则.pdf", FileType.PDF));
        assertEquals("a b.pdf", FileNames.of("../../a\u0000 b", FileType.PDF));
        assertEquals("规则.txt.docx", FileNames.of("规则.txt", FileType.DOCX));
        assertEquals("document.pdf", FileNames.of(null, FileType.PDF));
        assertEquals("document.pdf", FileNames.of("???.PDF", FileType.PDF));
        String longName = FileNames.of("长".repeat(500) + ".pdf", FileType.PDF);
        assertEquals(FileNames.MAX, longName.length());
        assertTrue(longName.endsWith(".pdf"));
    }

    @Test
    void aLimitIsToldInMegabytesWithAtMostTwoDecimals() {
        assertEquals("10", FileNames.megabytes(10L * 1024 * 1024));
        assertEquals("0.25", FileNames.megabytes(256 * 1024));
        assertEquals("0.33", FileNames.megabytes(350_000));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
