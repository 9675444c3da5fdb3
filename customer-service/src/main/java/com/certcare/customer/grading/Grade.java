package com.certcare.customer.grading;

/** A customer's grade (分等分级), best first. */
public enum Grade {
    A, B, C, D;

    /** The grade as the body labels it ({@code certcare.grading.label.*}). */
    public String label(GradingConfig.Label labels) {
        return switch (this) {
            case A -> labels.a();
            case B -> labels.b();
            case C -> labels.c();
            case D -> labels.d();
        };
    }
}
