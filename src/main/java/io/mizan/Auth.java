package io.mizan;

/** Who may call a {@link Client} function. */
public enum Auth {
    /** Whatever MicroProfile Config {@code mizan.auth.default} says: {@code public} unless set. */
    DEFAULT,
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in caller; others get 401. */
    AUTHENTICATED
}
