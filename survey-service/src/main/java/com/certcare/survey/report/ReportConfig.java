package com.certcare.survey.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certcare.survey.report.*}: the written quarterly report. */
@ConfigMapping(prefix = "certcare.survey.report")
public interface ReportConfig {

    /** The most characters the conclusions may have. */
    @WithDefault("20000")
    int maxConclusions();

    /** The form number the report prints in its heading (the body's own numbering). */
    @WithDefault("GBCX-16-04")
    String formNumber();
}
