package com.certcare.platform.numbering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number pattern such as {@code ZLCC-{yyyy}-{seq:4}} (contracts) or {@code SQ-{yyyy}-{seq:5}} (applications): literal text and the tokens {@code {yyyy}} (year),
 * {@code {yy}} (year, two digits), {@code {MM}} (month, two digits) and exactly one {@code {seq:N}} (the sequence
 * number, zero-padded to at least N digits, 1 ≤ N ≤ 9; a number beyond N digits is printed whole, never cut).
 * The sequence restarts every year when the pattern has a year token ({@link #period} is the year), else never.
 */
public final class NumberPattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq:([1-9])");
    /** The period of a pattern without a year: its sequence never restarts. */
    public static final String WHOLE_TIME = "*";

    private sealed interface Part permits Literal, Year4, Year2, Month, Seq {
    }

    private record Literal(String text) implements Part {
    }

    private record Year4() implements Part {
    }

    private record Year2() implements Part {
    }

    private record Month() implements Part {
    }

    private record Seq(int width) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    private final boolean yearly;

    private NumberPattern(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.yearly = parts.stream().anyMatch(p -> p instanceof Year4 || p instanceof Year2);
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong: blank, an unknown token, an unclosed or stray brace,
     *                                  no {@code {seq:N}} or more than one, N outside 1–9, a control character
     */
    public static NumberPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a number pattern is required, e.g. ZLCC-{yyyy}-{seq:4}");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        int seqs = 0;
        while (m.find()) {
            literal(pattern, pattern.substring(at, m.start()), parts);
            String token = m.group(1);
            Matcher seq = SEQ.matcher(token);
            switch (token) {
                case "yyyy" -> parts.add(new Year4());
                case "yy" -> parts.add(new Year2());
                case "MM" -> parts.add(new Month());
                default -> {
                    if (!seq.matches()) {
                        throw new IllegalArgumentException("unknown token {" + token + "} in the number pattern "
                                + pattern + ": use {yyyy}, {yy}, {MM} and one {seq:N} with N from 1 to 9");
                    }
                    parts.add(new Seq(Integer.parseInt(seq.group(1))));
                    seqs++;
                }
            }
            at = m.end();
        }
        literal(pattern, pattern.substring(at), parts);
        if (seqs != 1) {
            throw new IllegalArgumentException("the number pattern " + pattern + " needs exactly one {seq:N} (N from 1 to 9), it has "
                    + seqs);
        }
        return new NumberPattern(pattern, parts);
    }

    private static void literal(String pattern, String text, List<Part> parts) {
        if (text.isEmpty()) {
            return;
        }
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced brace in the number pattern " + pattern);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control character in the number pattern");
        }
        parts.add(new Literal(text));
    }

    /** Whether the sequence restarts each year. */
    public boolean yearly() {
        return yearly;
    }

    /** The counter a number issued on {@code date} is drawn from: its year if {@link #yearly()}, else {@value #WHOLE_TIME}. */
    public String period(LocalDate date) {
        return yearly ? String.valueOf(date.getYear()) : WHOLE_TIME;
    }

    /** The number for sequence value {@code seq} (from 1) issued on {@code date}. */
    public String format(LocalDate date, long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Year4) {
                out.append(String.format("%04d", date.getYear()));
            } else if (part instanceof Year2) {
                out.append(String.format("%02d", Math.floorMod(date.getYear(), 100)));
            } else if (part instanceof Month) {
                out.append(String.format("%02d", date.getMonthValue()));
            } else if (part instanceof Seq seqPart) {
                out.append(String.format("%0" + seqPart.width() + "d", seq));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }

    /** Reads a pattern from configuration; a bad one stops the start, the error naming the key and the reason. */
    public static final class ConfigConverter implements org.eclipse.microprofile.config.spi.Converter<NumberPattern> {
        @Override
        public NumberPattern convert(String value) {
            return parse(value);
        }
    }
}
