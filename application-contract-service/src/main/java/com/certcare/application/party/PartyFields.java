package com.certcare.application.party;

/** What a request says of the party; the application's and the contract's inputs both carry these. */
public interface PartyFields {
    String name();

    String creditCode();

    String legalRepresentative();

    String address();

    String provinceCode();

    String city();

    String postalCode();

    String contactName();

    String contactPhone();

    String contactEmail();
}
