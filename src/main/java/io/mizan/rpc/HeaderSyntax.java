package io.mizan.rpc;

/**
 * Whether a {@code Content-Type}, {@code Accept} or {@code Accept-Language} value is well-formed (RFC 9110,
 * sections 5.6 and 8.3, 12.5.1, 12.5.4): what Jersey (Payara) and RESTEasy (WildFly) parse before any
 * application code runs, and refuse with a page of their own when they cannot. Strict where either of them
 * refuses, and where the grammar does:
 *
 * <ul>
 *   <li>a media type is {@code token/token}, with no white space around the slash or an {@code =};
 *   <li>a parameter has a name and a value, a token or a quoted string, and nothing after it but {@code ;} or
 *       {@code ,};
 *   <li>a weight ({@code q}) is {@code 0} to {@code 1} with at most three decimals;
 *   <li>a list has no empty element but one at the end ({@code a/b,});
 *   <li>a quoted string in a list holds no comma ({@code text/html;x="a,b"}): well-formed, but RESTEasy splits a
 *       list at every comma and refuses the pieces, so one server could not serve it.
 * </ul>
 *
 * <p>Lenient only where both servers accept what real clients send: {@code *} alone for {@code *}{@code /*} and a
 * weight without its leading digit ({@code q=.2}), as Java's {@code HttpURLConnection} sends them; empty
 * parameters ({@code a/b;;}); any character from {@code 0x80} on in a quoted string, as the grammar's
 * obs-text; any token as a language range ({@code en_US}). One pass over the characters, no objects made.
 */
final class HeaderSyntax {

    private HeaderSyntax() {}

    /** A {@code Content-Type}: one media type with its parameters. */
    static boolean mediaType(String value) {
        if (value.equalsIgnoreCase("application/json")) {
            return true; // what Mizan's client sends
        }
        int end = value.length();
        int at = ows(value, 0, end);
        at = typeSlashSubtype(value, at, end, false);
        if (at < 0) {
            return false;
        }
        at = parameters(value, at, end, false);
        return at >= 0 && ows(value, at, end) == end;
    }

    /** An {@code Accept}: media ranges, each with parameters and maybe a weight; empty is well-formed. */
    static boolean mediaRanges(String value) {
        if (value.equalsIgnoreCase("application/json")) {
            return true; // what Mizan's client sends
        }
        return list(value, false);
    }

    /** An {@code Accept-Language}: language ranges, each maybe with a weight; empty is well-formed. */
    static boolean languageRanges(String value) {
        return list(value, true);
    }

    private static boolean list(String value, boolean languages) {
        int end = value.length();
        int at = ows(value, 0, end);
        if (at == end) {
            return true;
        }
        while (true) {
            at = languages ? token(value, at, end) : typeSlashSubtype(value, at, end, true);
            if (at < 0) {
                return false;
            }
            at = parameters(value, at, end, true);
            if (at < 0) {
                return false;
            }
            at = ows(value, at, end);
            if (at == end) {
                return true;
            }
            if (value.charAt(at) != ',') {
                return false;
            }
            at = ows(value, at + 1, end);
            if (at == end) {
                return true; // one empty element at the end, which both servers accept
            }
        }
    }

    /**
     * {@code type/subtype} from {@code at}: the index after it, or -1. In a media range, {@code *} alone stands
     * for {@code *}{@code /*}.
     */
    private static int typeSlashSubtype(String value, int at, int end, boolean range) {
        int type = token(value, at, end);
        if (type < 0) {
            return -1;
        }
        if (type == end || value.charAt(type) != '/') {
            return range && type == at + 1 && value.charAt(at) == '*' ? type : -1;
        }
        return token(value, type + 1, end);
    }

    /**
     * {@code *( OWS ";" OWS [ name=value ] )} from {@code at}: the index after the last parameter (before any
     * white space that follows it), or -1. In a media or language range ({@code weighted}), a {@code q} must be a
     * weight and a quoted value holds no comma.
     */
    private static int parameters(String value, int at, int end, boolean weighted) {
        while (true) {
            int semicolon = ows(value, at, end);
            if (semicolon == end || value.charAt(semicolon) != ';') {
                return at;
            }
            int name = ows(value, semicolon + 1, end);
            if (name == end || value.charAt(name) == ';' || value.charAt(name) == ',') {
                at = name; // an empty parameter
                continue;
            }
            int equals = token(value, name, end);
            if (equals < 0 || equals == end || value.charAt(equals) != '=') {
                return -1;
            }
            int start = equals + 1;
            if (weighted && equals == name + 1 && (value.charAt(name) == 'q' || value.charAt(name) == 'Q')) {
                at = weight(value, start, end);
            } else if (start < end && value.charAt(start) == '"') {
                at = quoted(value, start, end, weighted);
            } else {
                at = token(value, start, end);
            }
            if (at < 0) {
                return -1;
            }
        }
    }

    /** {@code 0[.ddd]}, {@code 1[.000]} or {@code .d[dd]} from {@code at}: the index after it, or -1. */
    private static int weight(String value, int at, int end) {
        char whole = at < end ? value.charAt(at) : 0;
        boolean leading = whole == '0' || whole == '1';
        int i = leading ? at + 1 : at;
        if (i == end || value.charAt(i) != '.') {
            return leading ? i : -1;
        }
        i++;
        int digits = 0;
        while (i < end && isDigit(value.charAt(i))) {
            if (++digits > 3 || whole == '1' && value.charAt(i) != '0') {
                return -1;
            }
            i++;
        }
        return leading || digits > 0 ? i : -1; // "0." and "1." are weights, "." alone is none
    }

    /**
     * A quoted string from {@code at} (its opening quote): the index after its closing quote, or -1. In a list,
     * without a comma: RESTEasy splits a list at every comma, quoted or not, and cannot read the pieces.
     */
    private static int quoted(String value, int at, int end, boolean inList) {
        for (int i = at + 1; i < end; i++) {
            char c = value.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == ',' && inList) {
                return -1;
            }
            if (c == '\\') {
                i++;
                if (i == end || !isText(value.charAt(i))) {
                    return -1;
                }
            } else if (!isText(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** One or more token characters from {@code at}: the index after them, or -1 when there is none. */
    private static int token(String value, int at, int end) {
        int i = at;
        while (i < end && isTokenChar(value.charAt(i))) {
            i++;
        }
        return i > at ? i : -1;
    }

    private static int ows(String value, int at, int end) {
        int i = at;
        while (i < end && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A character of a quoted string: tab, space, visible ASCII, or anything from 0x80 on (obs-text). */
    private static boolean isText(char c) {
        return c == '\t' || (c >= ' ' && c != 0x7f);
    }

    /** RFC 9110's tchar: visible ASCII but the delimiters {@code "(),/:;<=>?@[\]{}}. */
    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }
}
