package com.certcare.customer.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * customer-service's own reading of application-contract-service's {@code ContractSigned} event data
 * (schema version 1); unknown fields are ignored so the producer may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractSigned(
        String contractId,
        String contractNo,
        LocalDate signedOn,
        String scheme,
        String scope,
        String scopeEn,
        LocalDate applicationAcceptedOn,
        BigDecimal initialAuditFee,
        BigDecimal surveillanceFee,
        Party customer) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String name, String creditCode, String provinceCode, String city, String address,
            String postalCode, List<PartyContact> contacts, List<String> professionalCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartyContact(String name, String role, String phone, String email, boolean primary) {
    }
}
