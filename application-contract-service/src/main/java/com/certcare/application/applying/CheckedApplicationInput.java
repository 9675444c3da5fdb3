package com.certcare.application.applying;

import java.util.List;

import com.certcare.platform.text.Text;

/** An {@link ApplicationInput} that {@link ApplicationRules} found valid, normalised; only ApplicationRules makes one. */
public final class CheckedApplicationInput {

    final ApplicationInput input;
    final String name;
    final String creditCode;
    final List<String> schemes;
    final List<Site> sites;

    CheckedApplicationInput(ApplicationInput input, String name, String creditCode, List<String> schemes, List<Site> sites) {
        this.input = input;
        this.name = name;
        this.creditCode = creditCode;
        this.schemes = schemes;
        this.sites = sites;
    }

    String text(String value) {
        return Text.blankToNull(value);
    }
}
