package com.certcare.application.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site the contract covers (多场所), copied from the application. */
public record ContractSite(@Schema(required = true) String address, String activity, Integer headCount) {
}
