package com.certcare.application.applying;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import com.certcare.platform.numbering.NumberPattern;

/** {@code certcare.applications.*}: the body's form 16-01, its reference numbers, review time and upload limits. */
@ConfigMapping(prefix = "certcare.applications")
public interface ApplicationConfig {

    /** The form's number in the body's document system (GBCX-16-01, ZLCX-16-01, …). */
    @WithDefault("ZLCX-16-01")
    String formNumber();

    /**
     * How references are made: {@code {yyyy}} the year (Asia/Shanghai), {@code {seq:n}} the running number of that
     * year, n digits at least. Numbers run without gaps per value of the rest of the pattern.
     */
    @WithDefault("SQ-{yyyy}-{seq:5}")
    @WithConverter(NumberPattern.ConfigConverter.class)
    NumberPattern referencePattern();

    /** Calendar days from submission within which the review should be decided; later ones are listed as overdue. */
    @WithDefault("5")
    int reviewDueDays();

    /**
     * The attachment kinds each scheme requires (a properties file or classpath resource): {@code *} for every
     * scheme, then per scheme code; values are comma-separated kinds.
     */
    @WithDefault("applications/required-attachments.properties")
    String requiredAttachments();

    /** Guidance per field: {@code <this>_zh_CN.properties} and {@code <this>_en.properties} (file or classpath). */
    @WithDefault("applications/guidance")
    String guidance();

    /** The largest single attached file. */
    @WithDefault("10M")
    MemorySize maxAttachmentBytes();

    /** The most files one request may attach, and one application may hold. */
    @WithDefault("5")
    int maxAttachments();

    /** The most all files of one request may weigh together (within quarkus.http.limits.max-body-size). */
    @WithDefault("20M")
    MemorySize maxTotalBytes();

    /** The most sites one application may list. */
    @WithDefault("20")
    int maxSites();
}
