package com.certcare.application.contract;

import com.certcare.platform.numbering.NumberPattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * {@code certcare.contracts.*}. The number pattern is read when the configuration is: a bad pattern stops the
 * service at start, the error naming {@code certcare.contracts.number-pattern} and what is wrong with it.
 */
@ConfigMapping(prefix = "certcare.contracts")
public interface ContractConfig {

    /** How contract numbers look, e.g. {@code ZLCC-{yyyy}-{seq:4}} (see {@link NumberPattern}). */
    @WithDefault("ZLCC-{yyyy}-{seq:4}")
    @WithConverter(NumberPattern.ConfigConverter.class)
    NumberPattern numberPattern();

    /** The form number printed on the contract (form 16-02). */
    @WithDefault("ZLCX-16-02")
    String formNumber();

}
