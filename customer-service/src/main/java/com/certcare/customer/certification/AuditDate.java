package com.certcare.customer.certification;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One audit of a certification: its kind and the day it was (or is) held. */
@Embeddable
public record AuditDate(
        @Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind,
        @Column(name = "audited_on") LocalDate on) {

    public enum Kind { STAGE1, STAGE2, SURVEILLANCE, RECERTIFICATION }
}
