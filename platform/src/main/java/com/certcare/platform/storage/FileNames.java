package com.certcare.platform.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The name a stored file is downloaded under, and how its size limit is told to a person. */
public final class FileNames {

    /** The longest name kept, in code points, extension included. */
    public static final int MAX = 200;

    private FileNames() {
    }

    /**
     * The name a download carries: the sender's, without any directory, control characters or characters file
     * systems refuse, at most {@link #MAX} characters, ending in the type's extension (told from the bytes, so a
     * PNG sent as {@code scan.pdf} is kept as {@code scan.pdf.png}).
     */
    public static String of(String sent, FileType type) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7f && "<>:\"|?*".indexOf(c) < 0 && !(c >= 0xd800 && c <= 0xdfff))
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (!name.toLowerCase(Locale.ROOT).endsWith(type.extension())) {
            name = (name.isEmpty() ? "document" : name) + type.extension();
        }
        if (name.length() == type.extension().length()) {
            name = "document" + type.extension();
        }
        int keep = MAX - type.extension().length();
        if (name.codePointCount(0, name.length()) > MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, keep)) + type.extension();
        }
        return name;
    }

    /** {@code bytes} in MiB, at most two decimals, rounded down, without trailing zeros ({@code 10}, {@code 0.25}). */
    public static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 2, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString();
    }
}
