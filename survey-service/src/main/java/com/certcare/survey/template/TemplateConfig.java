package com.certcare.survey.template;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Questionnaires: which are loaded at start, and the form number each prints (a body's own, e.g. GBCX-16-03). */
@ConfigMapping(prefix = "certcare.survey.templates")
public interface TemplateConfig {

    /** The template every campaign uses unless it names another. */
    @WithDefault("16-03")
    String defaultCode();

    /**
     * Template code → form number. Each code's first version is loaded at start from {@code survey/<code>.json} on the
     * classpath when the database has none.
     */
    Map<String, String> formNumbers();
}
