package com.certcare.survey.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certcare.survey.report.*}: the written quarterly report. */
@ConfigMapping(prefix = "certcare.survey.report")
public interface ReportConfig {

    /** The most characters the conclusions may have. */
    @WithDefault("20000")
    int maxConclusions();

    /**
     * The form number the report prints in its heading, when the body numbers it: the procedure's records list
     * 16-01 to 16-03 and the quarterly analysis as a document without a number of its own, so none by default.
     */
    java.util.Optional<String> formNumber();
}
