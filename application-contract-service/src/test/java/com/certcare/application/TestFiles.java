package com.certcare.application;

import com.certcare.testsupport.SampleFiles;

/** Small files of each kind the tests upload: the shared {@link SampleFiles}. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] pdf(String text) {
        return SampleFiles.pdf(text);
    }

    public static byte[] docx(String text) {
        return SampleFiles.docx(text);
    }

    public static byte[] zip(String... namesAndContents) {
        return SampleFiles.zip(namesAndContents);
    }

    public static byte[] text() {
        return SampleFiles.text();
    }

    public static io.restassured.config.RestAssuredConfig browserMultipart() {
        return SampleFiles.browserMultipart();
    }

    public static String sha256(byte[] bytes) {
        return SampleFiles.sha256(bytes);
    }
}
