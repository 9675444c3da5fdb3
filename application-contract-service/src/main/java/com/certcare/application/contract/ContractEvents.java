package com.certcare.application.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What the {@code contracts} topic carries, key = the contract number. {@code ContractSigned} is the contract with
 * customer-service (platform contracts/ContractSigned.json): one event per scheme of the contract, since a
 * certification record is per scheme; {@code ContractTerminated} is schemas/events/ContractTerminated.json.
 */
public final class ContractEvents {

    public static final String TOPIC = "contracts";
    public static final String SIGNED = "ContractSigned";
    public static final String TERMINATED = "ContractTerminated";
    public static final int SCHEMA_VERSION = 1;

    private ContractEvents() {
    }

    public record Signed(String contractId, String contractNo, LocalDate signedOn, String scheme, String scope,
            String scopeEn, LocalDate applicationAcceptedOn,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal initialAuditFee,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal surveillanceFee, Party customer) {

        static List<Signed> of(Contract c) {
            Party party = new Party(c.name, c.creditCode, c.provinceCode, c.city, c.address, c.postalCode,
                    c.contactName == null ? List.of()
                            : List.of(new PartyContact(c.contactName, null, c.contactPhone, c.contactEmail, true)),
                    List.of());
            return c.schemes.stream().map(scheme -> new Signed(String.valueOf(c.id), c.number, c.signedOn, scheme,
                    c.scope, c.scopeEn, c.applicationAcceptedOn, c.initialAuditFee, c.surveillanceFee, party)).toList();
        }
    }

    public record Party(String name, String creditCode, String provinceCode, String city, String address,
            String postalCode, List<PartyContact> contacts, List<String> professionalCodes) {
    }

    public record PartyContact(String name, String role, String phone, String email, boolean primary) {
    }

    public record Terminated(String contractId, String contractNo, Instant terminatedAt, String reason,
            ContractStatus statusBefore, List<String> schemes, String customerName, String creditCode) {
    }
}
