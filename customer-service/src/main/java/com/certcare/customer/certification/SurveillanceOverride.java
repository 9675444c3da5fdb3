package com.certcare.customer.certification;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Planned surveillance dates set by hand, with the reason (required). */
@Schema(name = "SurveillanceOverride")
public record SurveillanceOverride(List<LocalDate> dates, String reason, Integer version) {
}
