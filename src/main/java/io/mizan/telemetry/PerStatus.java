package io.mizan.telemetry;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A value per status (a counter, a set of attributes), made on first use: a call reads it without
 * locking or allocating. A name answers few distinct statuses, so a short array scanned in order
 * beats a map here.
 */
final class PerStatus<T> {

    private record Entry<T>(int status, T value) {}

    @SuppressWarnings("unchecked")
    private volatile Entry<T>[] entries = new Entry[0];

    T get(int status, IntFunction<T> make) {
        for (Entry<T> e : entries) {
            if (e.status == status) {
                return e.value;
            }
        }
        return add(status, make);
    }

    private synchronized T add(int status, IntFunction<T> make) {
        Entry<T>[] now = entries;
        for (Entry<T> e : now) {
            if (e.status == status) {
                return e.value;
            }
        }
        T value = make.apply(status);
        Entry<T>[] more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = new Entry<>(status, value);
        entries = more;
        return value;
    }
}
