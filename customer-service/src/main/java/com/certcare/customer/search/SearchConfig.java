package com.certcare.customer.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the customer list's SQL. */
@ConfigMapping(prefix = "certcare.search")
public interface SearchConfig {

    /**
     * Up to this many matching customers, a page whose filter has record criteria beyond status and scheme
     * (dates, fees) is read through the set of matching customers, built once from the certification
     * indexes; above it, by probing each customer in sort order, which finds a page of a wide match fast.
     * The set costs about what the count costs; probing costs little when many customers match but up to
     * one lookup per customer when the sort order and the criteria correlate (expiry sorted, expiry filtered).
     */
    @WithDefault("50000")
    long matchSetLimit();
}
