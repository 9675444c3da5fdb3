package com.certcare.customer.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the body's reference lists come from: a file path, or a classpath resource. The defaults
 * ship with the service; a body points these at its own files.
 */
@ConfigMapping(prefix = "certcare.reference")
public interface ReferenceConfig {

    @WithDefault("reference/provinces.csv")
    String provinces();

    @WithDefault("reference/schemes.csv")
    String schemes();

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
