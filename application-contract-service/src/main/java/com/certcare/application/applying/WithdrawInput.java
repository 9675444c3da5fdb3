package com.certcare.application.applying;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An applicant withdrawing: why (optional). */
public record WithdrawInput(@Schema(maxLength = 2000) String reason) {
}
