package com.certcare.platform.pdf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certcare.pdf.*}: the font every generated PDF embeds (a subset of it: only the glyphs used). */
@ConfigMapping(prefix = "certcare.pdf")
public interface PdfConfig {

    /** The config key of {@link #fontPath()}, named in the error when the file is missing. */
    String FONT_PATH_KEY = "certcare.pdf.font-path";

    /**
     * A TrueType font (.ttf) or collection (.ttc) with the Chinese glyphs; Debian's {@code fonts-wqy-microhei}
     * installs the default ({@code apt-get install fonts-wqy-microhei}).
     */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    String fontPath();

    /** The face to take from a collection (.ttc), by its PostScript name; a single .ttf ignores it. */
    @WithDefault("WenQuanYiMicroHei")
    String fontFace();
}
