package com.certcare.application.pdf;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code certcare.body.*}: the certification body itself, one party of every contract and the addressee of applications. */
@ConfigMapping(prefix = "certcare.body")
public interface BodyConfig {

    /** Its registered Chinese name. */
    String name();

    /** Its English name, under the Chinese one. */
    Optional<String> nameEn();

    /** Its unified social credit code. */
    Optional<String> creditCode();

    String address();

    Optional<String> phone();

    /** What the PDF templates see as {@code body}. */
    default CertificationBody toParty() {
        return new CertificationBody(name(), nameEn().orElse(null), creditCode().orElse(null), address(),
                phone().orElse(null));
    }
}
