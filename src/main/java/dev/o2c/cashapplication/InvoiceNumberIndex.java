package dev.o2c.cashapplication;

import dev.o2c.billing.InvoiceNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds invoice numbers in free remittance text, also when the payer dropped the separators or the zeros, or mistyped
 * one digit (one substitution, insertion, deletion or swap of neighbours). Typo search uses the symmetric-delete idea:
 * every number is indexed under each of its one-digit deletions, kept in sorted primitive arrays so a
 * hundred-thousand-invoice book stays small.
 */
final class InvoiceNumberIndex {

    private static final Pattern PREFIXED =
            Pattern.compile(InvoiceNumbers.PREFIX + "\\W{0,2}(\\d{4})\\W{0,2}(\\d{1,7})(?!\\d)");
    /** A year and a sequence with or without one separator; 5 to 7 sequence digits leave room for one typo. */
    private static final Pattern YEAR_AND_SEQUENCE = Pattern.compile("(?<!\\d)(20\\d{2})[ ./-]?(\\d{5,7})(?!\\d)");

    /**
     * A year, a slash and the sequence without its leading zeros ("2026/123", "2026/84594"), as payers shorten it. Not
     * part of a date
     * ("2026/11/20"), and not one or two digits that read as a month ("2026/11", "2026/07"): those are left to a clerk.
     */
    private static final Pattern YEAR_SLASH_SHORT_SEQUENCE =
            Pattern.compile("(?<![\\d./-])(20\\d{2})/(\\d{1,5})(?!\\d|[./-]\\d)");

    private static final int MONTHS = 12;

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{9,11}(?!\\d)");
    private static final int SEQUENCE_DIGITS = InvoiceNumbers.SEQUENCE_DIGITS;

    private final Map<String, OpenItem> byDigits = new HashMap<>();
    private final long[] variants;
    private final long[] owners;

    InvoiceNumberIndex(List<OpenItem> items) {
        List<long[]> pairs = new ArrayList<>();
        for (OpenItem item : items) {
            String digits = item.number().replaceAll("\\D", "");
            byDigits.put(digits, item);
            long owner = encode(digits);
            for (String deletion : deletions(digits)) {
                pairs.add(new long[] {encode(deletion), owner});
            }
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        variants = new long[pairs.size()];
        owners = new long[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            variants[i] = pairs.get(i)[0];
            owners[i] = pairs.get(i)[1];
        }
    }

    /** Invoice numbers written correctly (in any spacing) and those one typo away, per number mentioned. */
    Hits find(String text) {
        Set<OpenItem> exact = new LinkedHashSet<>();
        Set<OpenItem> nearby = new LinkedHashSet<>();
        if (text == null) {
            return new Hits(List.of(), List.of());
        }
        for (String token : tokens(text.toUpperCase(Locale.ROOT))) {
            OpenItem item = byDigits.get(token);
            if (item != null) {
                exact.add(item);
            }
            // Also for a number that exists: with dense numbering a typo often lands on another real invoice.
            nearby.addAll(oneTypoAway(token));
        }
        nearby.removeAll(exact);
        return new Hits(List.copyOf(exact), List.copyOf(nearby));
    }

    record Hits(List<OpenItem> exact, List<OpenItem> oneTypoAway) {}

    private static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher prefixed = PREFIXED.matcher(text);
        while (prefixed.find()) {
            tokens.add(prefixed.group(1) + padded(prefixed.group(2)));
        }
        Matcher shaped = YEAR_AND_SEQUENCE.matcher(text);
        while (shaped.find()) {
            tokens.add(shaped.group(1) + shaped.group(2));
        }
        Matcher shortened = YEAR_SLASH_SHORT_SEQUENCE.matcher(text);
        while (shortened.find()) {
            String sequence = shortened.group(2);
            if (sequence.length() > 2 || Integer.parseInt(sequence) > MONTHS) {
                tokens.add(shortened.group(1) + padded(sequence));
            }
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            tokens.add(run.group());
        }
        return tokens;
    }

    /** The sequence with the leading zeros the payer left out. */
    private static String padded(String sequence) {
        return sequence.length() < SEQUENCE_DIGITS
                ? "0".repeat(SEQUENCE_DIGITS - sequence.length()) + sequence
                : sequence;
    }

    private List<OpenItem> oneTypoAway(String token) {
        Set<String> candidates = new LinkedHashSet<>();
        // The token lacks a digit: it is itself a deletion of the number.
        ownersOf(encode(token)).forEach(candidates::add);
        for (String deletion : deletions(token)) {
            // The token has one digit too many.
            if (byDigits.containsKey(deletion)) {
                candidates.add(deletion);
            }
            // One digit replaced or two neighbours swapped: both share a deletion.
            ownersOf(encode(deletion)).forEach(candidates::add);
        }
        return candidates.stream()
                .filter(candidate -> distanceAtMostOne(token, candidate))
                .map(byDigits::get)
                .toList();
    }

    private List<String> ownersOf(long variant) {
        int index = Arrays.binarySearch(variants, variant);
        if (index < 0) {
            return List.of();
        }
        while (index > 0 && variants[index - 1] == variant) {
            index--;
        }
        List<String> found = new ArrayList<>();
        for (int i = index; i < variants.length && variants[i] == variant; i++) {
            found.add(decode(owners[i]));
        }
        return found;
    }

    private static Set<String> deletions(String digits) {
        Set<String> deletions = new LinkedHashSet<>();
        for (int i = 0; i < digits.length(); i++) {
            deletions.add(digits.substring(0, i) + digits.substring(i + 1));
        }
        return deletions;
    }

    /** Optimal string alignment distance of at most one: one substitution, insertion, deletion or adjacent swap. */
    static boolean distanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int lengthDifference = a.length() - b.length();
        if (Math.abs(lengthDifference) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (lengthDifference > 0) {
            return a.substring(i + 1).equals(b.substring(i));
        }
        if (lengthDifference < 0) {
            return a.substring(i).equals(b.substring(i + 1));
        }
        boolean substituted = a.substring(i + 1).equals(b.substring(i + 1));
        boolean swapped = i + 1 < a.length()
                && a.charAt(i) == b.charAt(i + 1)
                && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
        return substituted || swapped;
    }

    /** Digits as a long with a leading 1, so leading zeros survive. */
    private static long encode(String digits) {
        return Long.parseLong("1" + digits);
    }

    private static String decode(long encoded) {
        return Long.toString(encoded).substring(1);
    }
}
