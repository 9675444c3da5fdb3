package com.certcare.application.applying;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One site in the scope (多场所): where it is, what is done there, how many work there. */
public record Site(@Schema(required = true, maxLength = 300) String address, @Schema(maxLength = 300) String activity,
        @Schema(minimum = "0", maximum = "1000000") Integer headCount) {

    @Override
    public String toString() {
        return address + (activity == null ? "" : " / " + activity) + (headCount == null ? "" : " / " + headCount);
    }
}
