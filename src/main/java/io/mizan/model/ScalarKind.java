package io.mizan.model;

/** The scalar JSON shapes Java values take under JSON-B's defaults. */
public enum ScalarKind {
    STRING,
    BOOLEAN,
    /** A whole number: {@code int}, {@code long}, {@code BigInteger} and the like. */
    INTEGER,
    /** Any number: {@code double}, {@code BigDecimal} and the like. */
    NUMBER,
    /** An ISO-8601 date string: {@code LocalDate}. */
    DATE,
    /** An ISO-8601 date and time string: {@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime}... */
    DATE_TIME,
    /** An ISO-8601 time string: {@code LocalTime}, {@code OffsetTime}. */
    TIME,
    /** An ISO-8601 duration string: {@code Duration}, {@code Period}. */
    DURATION,
    /** A UUID string. */
    UUID
}
