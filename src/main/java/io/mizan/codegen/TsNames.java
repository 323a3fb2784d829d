package io.mizan.codegen;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Identifiers, keys and string literals in TypeScript source. */
final class TsNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Words that cannot name a function or a constant. */
    static final Set<String> RESERVED_WORDS = Set.of(
            "arguments",
            "await",
            "break",
            "case",
            "catch",
            "class",
            "const",
            "continue",
            "debugger",
            "default",
            "delete",
            "do",
            "else",
            "enum",
            "eval",
            "export",
            "extends",
            "false",
            "finally",
            "for",
            "function",
            "if",
            "implements",
            "import",
            "in",
            "instanceof",
            "interface",
            "let",
            "new",
            "null",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "static",
            "super",
            "switch",
            "this",
            "throw",
            "true",
            "try",
            "typeof",
            "var",
            "void",
            "while",
            "with",
            "yield");

    /** Words that cannot name a type, besides the reserved words. */
    static final Set<String> PREDEFINED_TYPES =
            Set.of("any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown");

    private TsNames() {}

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** {@code updateName} to {@code UpdateName}. */
    static String upperFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** {@code UserView} to {@code userView}, {@code URLInfo} to {@code urlInfo}, {@code ID} to {@code id}. */
    static String lowerFirst(String name) {
        int upper = 0;
        while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        if (upper == 0) {
            return name;
        }
        if (upper == name.length() || upper == 1) {
            return name.substring(0, upper).toLowerCase(Locale.ROOT) + name.substring(upper);
        }
        // keep the capital that starts the next word: URLInfo -> urlInfo
        return name.substring(0, upper - 1).toLowerCase(Locale.ROOT) + name.substring(upper - 1);
    }

    /** A property key in an interface or object literal: bare when it can be, quoted otherwise. */
    static String key(String name) {
        if (name.equals("__proto__")) {
            return "['__proto__']"; // a plain or quoted __proto__ key would set the prototype
        }
        return isIdentifier(name) ? name : string(name);
    }

    /** A single-quoted string literal. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('\'').toString();
    }
}
