package io.mizan.hydration;

/**
 * Writes the hydration data into an HTML page as
 * {@code <script type="application/json" id="mizan-hydration">}, escaped so that no value can
 * close the tag or start markup: {@code <}, {@code >} and {@code &} become JSON unicode escapes,
 * which parse back to the same characters.
 */
public final class HydrationScript {

    public static final String ELEMENT_ID = "mizan-hydration";

    private HydrationScript() {}

    /** The script element for a JSON text. */
    public static String element(String json) {
        return "<script type=\"application/json\" id=\"" + ELEMENT_ID + "\">" + escape(json) + "</script>";
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page with the element placed before {@code </head>} (or at the start of the body); unchanged without either. */
    public static String inject(String html, String json) {
        int at = indexOfIgnoreCase(html, "</head");
        if (at < 0) {
            at = indexOfIgnoreCase(html, "<body");
        }
        if (at < 0) {
            return html;
        }
        return html.substring(0, at) + element(json) + html.substring(at);
    }

    private static int indexOfIgnoreCase(String s, String part) {
        return s.toLowerCase(java.util.Locale.ROOT).indexOf(part);
    }
}
