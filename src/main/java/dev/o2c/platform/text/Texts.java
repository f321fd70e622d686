package dev.o2c.platform.text;

/** Rules for text that comes from outside and ends up in a bounded column or a process variable. */
public final class Texts {

    /** Appended to a text that had to be shortened, so a reader knows there was more. */
    public static final String CUT_MARKER = " [...]";

    private Texts() {}

    /** The text itself when it fits {@code maxLength} characters, else its start with {@link #CUT_MARKER}. */
    public static String fit(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int keep = Math.max(0, maxLength - CUT_MARKER.length());
        // never split a surrogate pair: half an emoji is not valid UTF-8 for PostgreSQL
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + CUT_MARKER;
    }

    /**
     * Whether the text has a NUL or another control character that no person types (tab, line feed and carriage
     * return are allowed). PostgreSQL refuses NUL in text columns, and the others only hide content from readers.
     */
    public static boolean hasForbiddenControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
