package com.certcare.customer.customer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.platform.identity.CreditCode;

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

    /** The customer as it is, as input: the base an import row or a contract changes field by field. */
    public static CustomerInput of(Customer c) {
        return builder().name(c.name).creditCode(c.creditCode).creditCodeOverrideReason(c.creditCodeOverrideReason)
                .provinceCode(c.provinceCode).city(c.city).address(c.address).postalCode(c.postalCode)
                .contacts(List.copyOf(c.contacts)).professionalCodes(List.copyOf(c.professionalCodes))
                .remarks(c.remarks).version(c.version).build();
    }

    /** An input built field by field, by name: every field not set is absent (null; lists empty). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this input's fields, to change some of them. */
    public Builder toBuilder() {
        return builder().name(name).creditCode(creditCode).creditCodeOverrideReason(creditCodeOverrideReason)
                .provinceCode(provinceCode).city(city).address(address).postalCode(postalCode).contacts(contacts)
                .professionalCodes(professionalCodes).remarks(remarks).version(version);
    }

    /** Names each field where it is set, as {@code CertificationInput.Builder} does: eleven positions were easy to swap. */
    public static final class Builder {
        private String name;
        private String creditCode;
        private String creditCodeOverrideReason;
        private String provinceCode;
        private String city;
        private String address;
        private String postalCode;
        private List<Contact> contacts = List.of();
        private List<String> professionalCodes = List.of();
        private String remarks;
        private Integer version;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder creditCode(String creditCode) {
            this.creditCode = creditCode;
            return this;
        }

        public Builder creditCodeOverrideReason(String reason) {
            this.creditCodeOverrideReason = reason;
            return this;
        }

        public Builder provinceCode(String provinceCode) {
            this.provinceCode = provinceCode;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        public Builder contacts(List<Contact> contacts) {
            this.contacts = contacts;
            return this;
        }

        public Builder professionalCodes(List<String> professionalCodes) {
            this.professionalCodes = professionalCodes;
            return this;
        }

        public Builder remarks(String remarks) {
            this.remarks = remarks;
            return this;
        }

        /** The version last read; required on update. */
        public Builder version(Integer version) {
            this.version = version;
            return this;
        }

        public CustomerInput build() {
            return new CustomerInput(name, creditCode, creditCodeOverrideReason, provinceCode, city, address, postalCode,
                    contacts, professionalCodes, remarks, version);
        }
    }

    String normalizedCreditCode() {
        return CreditCode.normalize(creditCode);
    }
}
