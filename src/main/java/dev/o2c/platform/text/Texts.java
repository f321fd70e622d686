package dev.o2c.platform.text;

/** Rules for text that comes from outside and ends up in a bounded column or a process variable. */
public final class Texts {

    /** Appended to a text that had to be shortened, so a reader knows there was more. */
    public static final String CUT_MARKER = " [...]";

    private Texts() {}

    /** The text itself when it fits {@code maxLength} characters, else its start with {@link #CUT_MARKER}. */
    public static String fit(String text, int maxLength) {
        return cut(text, maxLength, CUT_MARKER);
    }

    /**
     * The text itself when it fits {@code maxLength} characters, else as much of its start as leaves room for
     * {@code marker}, never more than {@code maxLength} in all.
     */
    public static String cut(String text, int maxLength, String marker) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int keep = Math.max(0, maxLength - marker.length());
        // never split a surrogate pair: half an emoji is not valid UTF-8 for PostgreSQL
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        String cut = text.substring(0, keep) + marker;
        return cut.length() <= maxLength ? cut : cut.substring(0, maxLength);
    }

    /**
     * Whether the text has a NUL or another control character that no person types (tab, line feed and carriage
     * return are allowed). PostgreSQL refuses NUL in text columns, and the others only hide content from readers.
     */
    public static boolean hasForbiddenControlCharacter(String text) {
        return indexOfForbiddenControlCharacter(text) >= 0;
    }

    /** Where the first such control character is, or -1. */
    public static int indexOfForbiddenControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
