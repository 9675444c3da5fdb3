package com.certcare.platform.identity;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last one a check character over the first 17
 * with weights 3^(i-1) mod 31.
 */
public final class CreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    public enum Verdict { VALID, MALFORMED, CHECK_DIGIT_MISMATCH }

    private CreditCode() {
    }

    /** Upper-cased, without surrounding or inner white space, as the code is stored. */
    public static String normalize(String code) {
        return code == null ? null : code.replaceAll("\\s+", "").toUpperCase();
    }

    public static Verdict check(String code) {
        if (code == null || code.length() != 18) {
            return Verdict.MALFORMED;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return Verdict.MALFORMED;
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        char expected = CHARSET.charAt((31 - sum % 31) % 31);
        return code.charAt(17) == expected ? Verdict.VALID : Verdict.CHECK_DIGIT_MISMATCH;
    }

    /** The check character the first 17 characters call for (for test data and error hints). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
