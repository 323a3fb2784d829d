package io.mizan.demo;

/** Text as people read it, for the checks the constraints cannot make. */
final class Texts {

    private Texts() {}

    /**
     * The text without the spaces at either end, of every kind: {@code @NotBlank} and {@code strip()}
     * keep a no-break space (U+00A0), and {@code @NotBlank} an ideographic one (U+3000) and a
     * zero-width one (U+200B), which show as nothing.
     */
    static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && space(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /**
     * Lower case, letter by letter: {@code toLowerCase} may make a text longer ("İ" becomes "i̇"), past
     * the length its column and {@code @Size} allow.
     */
    static String lowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }
}
