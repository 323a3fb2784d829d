package io.mizan.telemetry;

import java.lang.annotation.Annotation;

/** The server's CDI beans, as far as telemetry asks for them. */
@FunctionalInterface
public interface Beans {

    /**
     * The one bean of this type with these qualifiers ({@code @Default} when none), or {@code null}
     * when there is none or more than one.
     */
    Object get(Class<?> type, Annotation... qualifiers);
}
