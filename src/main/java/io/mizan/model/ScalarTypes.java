package io.mizan.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Java classes JSON-B writes as a single JSON value (string, number, boolean), and the kind of each. */
final class ScalarTypes {

    private static final Map<Class<?>, ScalarKind> KINDS = new LinkedHashMap<>();

    static {
        for (Class<?> c : List.of(String.class, char.class, Character.class)) {
            KINDS.put(c, ScalarKind.STRING);
        }
        for (Class<?> c : List.of(boolean.class, Boolean.class)) {
            KINDS.put(c, ScalarKind.BOOLEAN);
        }
        for (Class<?> c : List.of(
                byte.class,
                short.class,
                int.class,
                long.class,
                Byte.class,
                Short.class,
                Integer.class,
                Long.class,
                BigInteger.class)) {
            KINDS.put(c, ScalarKind.INTEGER);
        }
        for (Class<?> c : List.of(float.class, double.class, Float.class, Double.class, BigDecimal.class)) {
            KINDS.put(c, ScalarKind.NUMBER);
        }
        KINDS.put(LocalDate.class, ScalarKind.DATE);
        for (Class<?> c :
                List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, Date.class)) {
            KINDS.put(c, ScalarKind.DATE_TIME);
        }
        KINDS.put(LocalTime.class, ScalarKind.TIME);
        KINDS.put(OffsetTime.class, ScalarKind.TIME);
        KINDS.put(Duration.class, ScalarKind.DURATION);
        KINDS.put(Period.class, ScalarKind.DURATION);
        KINDS.put(UUID.class, ScalarKind.UUID);
    }

    private ScalarTypes() {}

    /** The kind of a scalar class; {@code null} for any other class. */
    static ScalarKind kindOf(Class<?> type) {
        return KINDS.get(type);
    }

    static boolean isScalar(Class<?> type) {
        return KINDS.containsKey(type);
    }
}
