package io.mizan;

import java.util.Locale;

/** How a {@link FormField} is rendered: the HTML input it becomes. */
public enum Widget {
    /** Chosen from the type and constraints: see {@link FormField}. */
    AUTO,
    TEXT,
    TEXTAREA,
    EMAIL,
    PASSWORD,
    NUMBER,
    CHECKBOX,
    SELECT,
    RADIO,
    DATE,
    TIME,
    DATETIME,
    URL,
    TEL,
    HIDDEN;

    /** The name in the form's schema: {@code "textarea"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
