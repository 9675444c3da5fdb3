package com.certcare.application.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.certcare.application.TestFiles;

/** The type comes from the bytes alone; the name and declared type play no part. */
class FileTypeTest {

    @TempDir
    Path dir;

    @Test
    void aPdfIsToldByItsMagicNumber() throws IOException {
        assertEquals(Optional.of(FileType.PDF), FileType.of(write("a.txt", TestFiles.pdf("hello"))));
    }

    @Test
    void aDocxIsAZipWhoseDirectoryListsContentTypesAndTheWordDocument() throws IOException {
        assertEquals(Optional.of(FileType.DOCX), FileType.of(write("a.pdf", TestFiles.docx("你好"))));
    }

    @Test
    void scansArePngOrJpegByTheirSignatureAndNeverAPublicDocument() throws IOException {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
        assertEquals(Optional.of(FileType.PNG), FileType.of(write("scan.pdf", png), FileType.ALL));
        assertEquals(Optional.of(FileType.JPEG), FileType.of(write("scan.pdf", jpeg), FileType.ALL));
        assertEquals(Optional.of(FileType.PDF), FileType.of(write("a.png", TestFiles.pdf("x")), FileType.ALL));
        // a public document stays PDF or DOCX
        assertTrue(FileType.of(write("scan2.pdf", png)).isEmpty());
        assertTrue(FileType.of(write("scan3.pdf", jpeg)).isEmpty());
        // the first bytes of a signature only are not enough
        assertTrue(FileType.of(write("cut.png", Arrays.copyOf(png, 7)), FileType.ALL).isEmpty());
        assertTrue(FileType.of(write("cut.jpg", Arrays.copyOf(jpeg, 2)), FileType.ALL).isEmpty());
    }

    @Test
    void textNamedPdfAnyZipAnEmptyFileAndATruncatedZipAreNeither() throws IOException {
        assertTrue(FileType.of(write("fake.pdf", TestFiles.text())).isEmpty());
        assertTrue(FileType.of(write("sheet.docx", TestFiles.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<x/>"))).isEmpty());
        assertTrue(FileType.of(write("empty.pdf", new byte[0])).isEmpty());
        byte[] docx = TestFiles.docx("x");
        assertTrue(FileType.of(write("cut.docx", Arrays.copyOf(docx, docx.length / 2))).isEmpty(),
                "a ZIP cut off before its directory is not a DOCX");
        assertTrue(FileType.of(write("pdf-", "%PDF".getBytes())).isEmpty(), "four bytes of the magic are not enough");
    }

    @Test
    void theDownloadNameKeepsTheSendersNameWithoutDirectoriesOrControlsAndEndsInTheType() {
        assertEquals("认证规则.pdf", DocumentRules.fileName("C:\\Users\\mei\\认证规则.pdf", FileType.PDF));
        assertEquals("a b.pdf", DocumentRules.fileName("../../a\u0000 b", FileType.PDF));
        assertEquals("规则.txt.docx", DocumentRules.fileName("规则.txt", FileType.DOCX));
        assertEquals("document.pdf", DocumentRules.fileName(null, FileType.PDF));
        assertEquals("document.pdf", DocumentRules.fileName("???.PDF", FileType.PDF));
        String longName = DocumentRules.fileName("长".repeat(500) + ".pdf", FileType.PDF);
        assertEquals(DocumentRules.FILE_NAME_MAX, longName.length());
        assertTrue(longName.endsWith(".pdf"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
