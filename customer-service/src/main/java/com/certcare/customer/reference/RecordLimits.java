package com.certcare.customer.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many entries one customer or certification record may list: a body with more is a 400 naming the field
 * and the limit (the JSON body as a whole is capped too, by {@code certcare.http.max-body-size}).
 */
@ConfigMapping(prefix = "certcare.limits")
public interface RecordLimits {

    @WithDefault("20")
    int contacts();

    @WithDefault("100")
    int professionalCodes();

    /** Surveillance or recertification audit dates of one record, and dates of a surveillance plan. */
    @WithDefault("60")
    int auditDates();
}
