package com.certcare.customer.certification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Move a certification to another status; the reason is kept in the history and the event. */
@Schema(name = "TransitionRequest")
public record TransitionRequest(CertificationStatus to, String reason, Integer version) {
}
