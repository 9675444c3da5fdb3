package com.certcare.platform.identity;

import java.util.regex.Pattern;

/** Mainland postal codes and phone numbers as the market department records them. */
public final class ContactFormats {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");
    /** Mobile: 1[3-9] + 9 digits, optionally +86 / 86. */
    private static final Pattern MOBILE = Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}");
    /** Landline: area code 010, 02x or 0[3-9]xx, then 7-8 digits, optional extension; +86 drops the 0. */
    private static final Pattern LANDLINE = Pattern.compile(
            "(\\(?0(10|2\\d|[3-9]\\d{2})\\)?[- ]?|\\+86[- ]?(10|2\\d|[3-9]\\d{2})[- ]?)\\d{7,8}([- ]?(转|ext\\.?|x|-)?\\s?\\d{1,6})?",
            Pattern.CASE_INSENSITIVE);
    /** 400/800 service numbers: 400-xxx-xxxx. */
    private static final Pattern SERVICE = Pattern.compile("[48]00[- ]?\\d{3}[- ]?\\d{4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ContactFormats() {
    }

    public static boolean isPostalCode(String code) {
        return code != null && POSTAL_CODE.matcher(code).matches();
    }

    public static boolean isPhone(String phone) {
        if (phone == null) {
            return false;
        }
        String p = phone.trim();
        return MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches() || SERVICE.matcher(p).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 200 && EMAIL.matcher(email).matches();
    }
}
