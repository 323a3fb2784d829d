package io.mizan.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a Java regular expression ({@code @Pattern(regexp = ...)}) into a JavaScript regular
 * expression literal that accepts the same strings as Java's {@code Matcher.matches()}: the whole
 * input, not a part of it.
 *
 * <p>Used for Zod schemas in generated code and for {@code pattern} in the schema document.
 *
 * <pre>{@code
 * JavaRegex.toJavaScript("[0-9]{5}", List.of())            // /^(?:[0-9]{5})$/
 * JavaRegex.toJavaScript("\\p{Alpha}+", List.of())         // /^(?:[a-zA-Z]+)$/
 * JavaRegex.toJavaScript("a++", List.of())                 // empty: JavaScript has no possessive quantifiers
 * }</pre>
 *
 * <p>Where the two read the same syntax differently, the literal spells out Java's meaning: {@code \s} is
 * ASCII white space only, {@code .} stops at Java's line terminators (U+0085 too), and {@code .}, negated
 * classes and {@code \S \D \W \H \V} take a character outside the Basic Multilingual Plane whole, as
 * one code point, where a JavaScript literal without the u flag would take half of it.
 *
 * <p>Constructs that JavaScript lacks or reads differently (possessive quantifiers, atomic groups,
 * class unions and intersections, inline flags inside the pattern, {@code \G}, Unicode blocks,
 * {@code java*} properties) give an empty result: the client then skips the check and the server,
 * which runs the real pattern, still applies it. A pattern Java itself refuses gives an empty result too.
 */
public final class JavaRegex {

    /** The translated literal: {@code source} goes between the slashes, {@code flags} after them. */
    public record Literal(String source, String flags) {
        @Override
        public String toString() {
            return "/" + source + "/" + flags;
        }
    }

    /** POSIX classes, which Java reads as ASCII-only sets unless UNICODE_CHARACTER_CLASS is on. */
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("Lower", "a-z"),
            Map.entry("Upper", "A-Z"),
            Map.entry("ASCII", "\\x00-\\x7F"),
            Map.entry("Alpha", "a-zA-Z"),
            Map.entry("Digit", "0-9"),
            Map.entry("Alnum", "a-zA-Z0-9"),
            Map.entry("Punct", "!-\\/:-@\\[-`{-~"),
            Map.entry("Graph", "!-~"),
            Map.entry("Print", " -~"),
            Map.entry("Blank", " \\t"),
            Map.entry("Cntrl", "\\x00-\\x1F\\x7F"),
            Map.entry("XDigit", "0-9a-fA-F"),
            Map.entry("Space", " \\t\\n\\x0B\\f\\r"));

    private static final Set<String> CATEGORIES = Set.of(
            "L", "LC", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
            "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs",
            "Co", "Cn");

    /** Java's binary properties ({@code \p{IsAlphabetic}}) with their ECMAScript spelling. */
    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("ALPHABETIC", "Alphabetic"),
            Map.entry("IDEOGRAPHIC", "Ideographic"),
            Map.entry("LETTER", "L"),
            Map.entry("LOWERCASE", "Lowercase"),
            Map.entry("UPPERCASE", "Uppercase"),
            Map.entry("TITLECASE", "Lt"),
            Map.entry("PUNCTUATION", "P"),
            Map.entry("CONTROL", "Cc"),
            Map.entry("WHITE_SPACE", "White_Space"),
            Map.entry("WHITESPACE", "White_Space"),
            Map.entry("DIGIT", "Nd"),
            Map.entry("HEX_DIGIT", "Hex_Digit"),
            Map.entry("HEXDIGIT", "Hex_Digit"),
            Map.entry("JOIN_CONTROL", "Join_Control"),
            Map.entry("JOINCONTROL", "Join_Control"),
            Map.entry("NONCHARACTER_CODE_POINT", "Noncharacter_Code_Point"),
            Map.entry("NONCHARACTERCODEPOINT", "Noncharacter_Code_Point"),
            Map.entry("ASSIGNED", "Assigned"));

    private static final String LINE_BREAK = "(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])";
    private static final String HORIZONTAL = " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
    private static final String VERTICAL = "\\n\\x0B\\f\\r\\x85\\u2028\\u2029";
    private static final String INPUT_START = "(?<![\\s\\S])";
    private static final String INPUT_END = "(?![\\s\\S])";
    /** Java's {@code \s}: ASCII only, unlike JavaScript's, which takes U+00A0, U+3000, U+FEFF... */
    private static final String SPACE = " \\t\\n\\x0B\\f\\r";
    /** What Java's {@code .} does not take without DOTALL. */
    private static final String LINE_TERMINATORS = "\\n\\r\\x85\\u2028\\u2029";
    /** A character outside the Basic Multilingual Plane, as two UTF-16 units. */
    private static final String SURROGATE_PAIR = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";
    /** Every surrogate, for a class that must not take half of a pair. */
    private static final String SURROGATES = "\\uD800-\\uDFFF";

    private final String pattern;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private boolean unicode;
    private boolean dotAll;

    private JavaRegex(String pattern) {
        this.pattern = pattern;
    }

    /**
     * The JavaScript literal for a Java pattern and its {@code Pattern.Flag} names, or empty when it
     * cannot be translated faithfully.
     */
    public static Optional<Literal> toJavaScript(String regexp, Collection<String> flagNames) {
        int javaFlags = 0;
        Set<Character> flags = new TreeSet<>();
        for (String flag : flagNames) {
            switch (flag) {
                case "CASE_INSENSITIVE" -> {
                    javaFlags |= Pattern.CASE_INSENSITIVE;
                    flags.add('i');
                }
                case "MULTILINE" -> {
                    javaFlags |= Pattern.MULTILINE;
                    flags.add('m');
                }
                case "DOTALL" -> {
                    javaFlags |= Pattern.DOTALL;
                    flags.add('s');
                }
                case "UNICODE_CASE" -> javaFlags |= Pattern.UNICODE_CASE;
                default -> {
                    return Optional.empty(); // UNIX_LINES, COMMENTS, CANON_EQ change what the pattern means
                }
            }
        }
        try {
            Pattern.compile(regexp, javaFlags);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        JavaRegex translator = new JavaRegex(regexp);
        if (!translator.leadingFlags(flags)) {
            return Optional.empty();
        }
        translator.dotAll = flags.contains('s');
        if (!translator.translate()) {
            return Optional.empty();
        }
        if (translator.unicode) {
            flags.add('u');
        }
        String body = translator.out.toString();
        // Java's matches() covers the whole input whatever MULTILINE says; ^ and $ would not under /m.
        String source = flags.contains('m') ? INPUT_START + "(?:" + body + ")" + INPUT_END : "^(?:" + body + ")$";
        StringBuilder flagText = new StringBuilder();
        for (char f : "imsu".toCharArray()) {
            if (flags.contains(f)) {
                flagText.append(f);
            }
        }
        return Optional.of(new Literal(source, flagText.toString()));
    }

    /** Reads flags set at the very start ({@code (?i)}); elsewhere they are not translated. */
    private boolean leadingFlags(Set<Character> flags) {
        while (pattern.startsWith("(?", pos)) {
            int close = pattern.indexOf(')', pos);
            if (close < 0) {
                return true;
            }
            String letters = pattern.substring(pos + 2, close);
            if (letters.isEmpty() || !letters.chars().allMatch(c -> "imsu".indexOf(c) >= 0)) {
                return true;
            }
            for (char c : letters.toCharArray()) {
                if (c != 'u') {
                    flags.add(c);
                }
            }
            pos = close + 1;
        }
        return true;
    }

    private boolean translate() {
        while (pos < pattern.length()) {
            int c = pattern.codePointAt(pos);
            pos += Character.charCount(c);
            boolean ok =
                    switch (c) {
                        case '\\' -> escape();
                        case '[' -> charClass();
                        case '(' -> group();
                        case '*', '+', '?' -> {
                            out.appendCodePoint(c);
                            yield quantifierSuffix();
                        }
                        case '{' -> {
                            int close = pattern.indexOf('}', pos);
                            out.append(pattern, pos - 1, close + 1);
                            pos = close + 1;
                            yield quantifierSuffix();
                        }
                        case '.' -> {
                            out.append(anyBut(dotAll ? "" : LINE_TERMINATORS));
                            yield true;
                        }
                        case ')', '|', '^', '$' -> {
                            out.appendCodePoint(c);
                            yield true;
                        }
                        case ']', '}', '/' -> {
                            out.append('\\').appendCodePoint(c);
                            yield true;
                        }
                        default -> {
                            literal(c, false);
                            yield true;
                        }
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** After a quantifier: a lazy {@code ?} is kept, a possessive {@code +} has no JavaScript form. */
    private boolean quantifierSuffix() {
        if (pos < pattern.length() && pattern.charAt(pos) == '?') {
            out.append('?');
            pos++;
        } else if (pos < pattern.length() && pattern.charAt(pos) == '+') {
            return false;
        }
        return true;
    }

    private boolean group() {
        if (!pattern.startsWith("?", pos)) {
            out.append('(');
            return true;
        }
        for (String prefix : new String[] {"?:", "?=", "?!", "?<=", "?<!"}) {
            if (pattern.startsWith(prefix, pos)) {
                out.append('(').append(prefix);
                pos += prefix.length();
                return true;
            }
        }
        if (pattern.startsWith("?<", pos)) { // a named group: the same syntax in both
            int close = pattern.indexOf('>', pos);
            out.append('(').append(pattern, pos, close + 1);
            pos = close + 1;
            return true;
        }
        return false; // atomic groups (?>...) and inline flags (?i) or (?i:...)
    }

    private boolean escape() {
        int c = pattern.codePointAt(pos);
        pos += Character.charCount(c);
        switch (c) {
            case 'd', 'w', 'b', 'B', 't', 'n', 'r', 'f' -> out.append('\\').appendCodePoint(c);
            case 'D', 'W' -> out.append(anyBut("\\" + Character.toLowerCase((char) c)));
            case 's' -> out.append('[').append(SPACE).append(']');
            case 'S' -> out.append(anyBut(SPACE));
            case 'A' -> out.append(INPUT_START);
            case 'z' -> out.append(INPUT_END);
            case 'Z' -> out.append("(?=")
                    .append(LINE_BREAK)
                    .append('?')
                    .append(INPUT_END)
                    .append(')');
            case 'R' -> out.append(LINE_BREAK);
            case 'h' -> out.append('[').append(HORIZONTAL).append(']');
            case 'H' -> out.append(anyBut(HORIZONTAL));
            case 'v' -> out.append('[').append(VERTICAL).append(']');
            case 'V' -> out.append(anyBut(VERTICAL));
            case 'k' -> {
                return false; // a back reference: see below
            }
            case 'Q' -> quoted(false);
            case 'p', 'P' -> {
                String set = property(c == 'P', false);
                if (set == null) {
                    return false;
                }
                out.append(set.startsWith("[^") ? anyBut(set.substring(2, set.length() - 1)) : set);
            }
            default -> {
                if (c >= '1' && c <= '9') {
                    // a back reference: where its group took no part (or there is none) Java fails the
                    // match, while JavaScript matches empty (or reads \1 as U+0001); the server checks it
                    return false;
                }
                int literal = escapedCodePoint(c);
                if (literal < 0) {
                    return false;
                }
                literal(literal, false);
            }
        }
        return true;
    }

    /**
     * The character an escape stands for ({@code \x41}, {@code \u0041}, {@code \0101}, {@code \e},
     * {@code \.}), or -1 for one with no plain-character meaning.
     */
    private int escapedCodePoint(int c) {
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'a':
                return 0x07;
            case 'e':
                return 0x1B;
            case '0': {
                int start = pos;
                while (pos < pattern.length()
                        && pos - start < 3
                        && pattern.charAt(pos) >= '0'
                        && pattern.charAt(pos) <= '7') {
                    pos++;
                }
                int value = Integer.parseInt(pattern.substring(start, pos), 8);
                if (value > 0377) { // \0mnn is octal only while m <= 3
                    pos--;
                    value = Integer.parseInt(pattern.substring(start, pos), 8);
                }
                return value;
            }
            case 'x': {
                if (pattern.startsWith("{", pos)) {
                    int close = pattern.indexOf('}', pos);
                    int value = Integer.parseInt(pattern.substring(pos + 1, close), 16);
                    pos = close + 1;
                    return value;
                }
                int value = Integer.parseInt(pattern.substring(pos, pos + 2), 16);
                pos += 2;
                return value;
            }
            case 'u': {
                int value = Integer.parseInt(pattern.substring(pos, pos + 4), 16);
                pos += 4;
                return value;
            }
            case 'c': {
                int value = pattern.charAt(pos) ^ 64;
                pos++;
                return value;
            }
            default:
                // a backslash before a character that is not a letter or digit quotes it
                return Character.isLetterOrDigit(c) ? -1 : c;
        }
    }

    /** {@code \Q...\E}: every character as itself. */
    private void quoted(boolean inClass) {
        int end = pattern.indexOf("\\E", pos);
        String text = pattern.substring(pos, end < 0 ? pattern.length() : end);
        pos = end < 0 ? pattern.length() : end + 2;
        text.codePoints().forEach(cp -> literal(cp, inClass));
    }

    /**
     * A {@code \p{...}} or {@code \P{...}} set: outside a class a whole set, inside one its contents;
     * null when JavaScript has no equivalent.
     */
    private String property(boolean negated, boolean inClass) {
        String name;
        if (pattern.startsWith("{", pos)) {
            int close = pattern.indexOf('}', pos);
            name = pattern.substring(pos + 1, close);
            pos = close + 1;
        } else {
            name = pattern.substring(pos, pos + 1);
            pos++;
        }
        String posix = POSIX.get(name);
        if (posix == null && name.startsWith("Is") && POSIX.containsKey(name.substring(2))) {
            posix = POSIX.get(name.substring(2));
        }
        if (posix != null) {
            if (inClass) {
                return negated ? null : posix;
            }
            return (negated ? "[^" : "[") + posix + "]";
        }
        String ecma = unicodeProperty(name);
        if (ecma == null) {
            return null;
        }
        unicode = true;
        return (negated ? "\\P{" : "\\p{") + ecma + "}";
    }

    private static String unicodeProperty(String name) {
        String bare = name;
        int eq = name.indexOf('=');
        if (eq >= 0) {
            String key = name.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = name.substring(eq + 1);
            return switch (key) {
                case "general_category", "gc" -> CATEGORIES.contains(value) ? value : null;
                case "script", "sc" -> script(value);
                default -> null; // blocks have no JavaScript form
            };
        }
        if (bare.startsWith("Is")) {
            bare = bare.substring(2);
            if (CATEGORIES.contains(bare)) {
                return bare;
            }
            String binary = BINARY.get(bare.toUpperCase(Locale.ROOT));
            return binary != null ? binary : script(bare);
        }
        return CATEGORIES.contains(bare) ? bare : null;
    }

    private static String script(String name) {
        try {
            Character.UnicodeScript script = Character.UnicodeScript.forName(name);
            StringBuilder ecma = new StringBuilder();
            for (String part : script.name().split("_")) {
                if (!ecma.isEmpty()) {
                    ecma.append('_');
                }
                ecma.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
            return "Script=" + ecma;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean charClass() {
        int start = out.length();
        out.append('[');
        boolean negated = pattern.startsWith("^", pos);
        if (negated) {
            out.append('^');
            pos++;
        }
        boolean first = true;
        while (pos < pattern.length()) {
            int c = pattern.codePointAt(pos);
            pos += Character.charCount(c);
            if (c == ']' && !first) {
                out.append(']');
                if (negated) {
                    String excluded = out.substring(start + 2, out.length() - 1);
                    out.setLength(start);
                    out.append(anyBut(excluded));
                }
                return true;
            }
            first = false;
            if (c == '[' || (c == '&' && pattern.startsWith("&", pos))) {
                return false; // unions and intersections of classes
            }
            if (c == '\\') {
                if (!classEscape()) {
                    return false;
                }
            } else if (c == '-') {
                out.append('-');
            } else {
                literal(c, true);
            }
        }
        return false;
    }

    private boolean classEscape() {
        int c = pattern.codePointAt(pos);
        pos += Character.charCount(c);
        switch (c) {
            case 'd', 'D', 'w', 'W', 't', 'n', 'r', 'f' -> out.append('\\').appendCodePoint(c);
            case 's' -> out.append(SPACE);
            case 'S' -> {
                return false; // the complement of Java's ASCII white space has no form inside a JavaScript class
            }
            case 'h' -> out.append(HORIZONTAL);
            case 'v' -> out.append(VERTICAL);
            case 'Q' -> quoted(true);
            case 'p', 'P' -> {
                String set = property(c == 'P', true);
                if (set == null) {
                    return false;
                }
                out.append(set);
            }
            default -> {
                int literal = escapedCodePoint(c);
                if (literal < 0) {
                    return false;
                }
                literal(literal, true);
            }
        }
        return true;
    }

    /**
     * Any one character but those of a class body, taken as Java takes it: a whole code point, so a
     * character outside the Basic Multilingual Plane counts once and is never split in two. Before
     * {@code *} or {@code +} the halves of a pair are taken one by one anyway, so the plain class does.
     * A lone surrogate, which no well-formed text holds, is refused.
     */
    private String anyBut(String excluded) {
        if (pos < pattern.length() && (pattern.charAt(pos) == '*' || pattern.charAt(pos) == '+')) {
            return excluded.isEmpty() ? "[\\s\\S]" : "[^" + excluded + "]";
        }
        return "(?:" + SURROGATE_PAIR + "|[^" + excluded + SURROGATES + "])";
    }

    /** One character as itself, escaped where JavaScript (with or without the u flag) needs it. */
    private void literal(int c, boolean inClass) {
        String syntax = inClass ? "\\]^-[/" : "\\^$.*+?()[]{}|/";
        if (c < 0x80 && syntax.indexOf(c) >= 0) {
            out.append('\\').append((char) c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            out.append(String.format("\\x%02X", c));
        } else if (c == 0x2028
                || c == 0x2029
                || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR) {
            out.append(String.format("\\u%04X", c));
        } else if (Character.isSupplementaryCodePoint(c)) {
            // one code point, not two UTF-16 units: needs the u flag to quantify and match as Java does
            unicode = true;
            out.append(String.format("\\u{%X}", c));
        } else {
            out.appendCodePoint(c);
        }
    }
}
