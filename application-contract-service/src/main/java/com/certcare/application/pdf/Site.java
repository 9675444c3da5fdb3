package com.certcare.application.pdf;

/** A site covered by the certification; {@code headCount} may be unknown (null). */
public record Site(String name, String address, String activities, Integer headCount) {
}
