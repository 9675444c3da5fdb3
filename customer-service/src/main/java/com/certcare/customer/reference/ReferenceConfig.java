package com.certcare.customer.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the body's professional codes come from: a file path, or a classpath resource. The default ships with the
 * service; a body points it at its own file. (Provinces and schemes, {@code certcare.reference.provinces} /
 * {@code .schemes}, are read by the platform's {@code ReferenceLists}.)
 */
@ConfigMapping(prefix = "certcare.reference")
public interface ReferenceConfig {

    @WithDefault("reference/professional-codes.csv")
    String professionalCodes();

    /** Shape every professional code must have, whether or not the list is enforced. */
    @WithDefault("\\d{2}\\.\\d{2}\\.\\d{2}")
    String professionalCodePattern();

    /**
     * Whether a professional code must be in the loaded list. Off (the default): a code of the right shape in a
     * known IAF sector is taken, and the import warns about it — the shipped list is a sample, not the body's.
     */
    @WithDefault("false")
    boolean professionalCodesStrict();

    /** The IAF sectors (the first part of a code, 01 to this number) a code may belong to. */
    @WithDefault("39")
    int professionalCodeSectors();
}
