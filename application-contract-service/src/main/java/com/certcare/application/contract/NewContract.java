package com.certcare.application.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Draw up a contract from an accepted application. */
public record NewContract(@Schema(required = true) Long applicationId) {
}
