package com.certcare.customer.customer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.customer.identity.CreditCode;

/** What a caller sends to create or update a customer. {@code version} is required on update. */
@Schema(name = "CustomerInput")
public record CustomerInput(
        @Schema(examples = "浙江中澜科技有限公司") String name,
        @Schema(description = "统一社会信用代码, 18 characters, GB 32100-2015 check digit", examples = "91350100M000100Y43") String creditCode,
        @Schema(description = "Accept a code that fails the check digit, with the reason (market/admin only)") String creditCodeOverrideReason,
        @Schema(description = "GB/T 2260 province code", examples = "330000") String provinceCode,
        String city,
        String address,
        @Schema(examples = "310000") String postalCode,
        List<Contact> contacts,
        @Schema(description = "专业代码, NN.NN.NN") List<String> professionalCodes,
        String remarks,
        @Schema(description = "The version last read; required on update (optimistic locking)") Integer version) {

    /** The customer as it is, as input: the base an import row changes column by column. */
    public static CustomerInput of(Customer c) {
        return new CustomerInput(c.name, c.creditCode, c.creditCodeOverrideReason, c.provinceCode, c.city, c.address,
                c.postalCode, List.copyOf(c.contacts), List.copyOf(c.professionalCodes), c.remarks, c.version);
    }

    String normalizedCreditCode() {
        return CreditCode.normalize(creditCode);
    }
}
