package io.mizan.invalidation;

import java.util.List;

/** Announces the keys of a finished outermost call: the {@code Invalidated} event, and what listens to it. */
@FunctionalInterface
public interface KeyPublisher {

    /** Called once per outermost call that succeeded; {@code keys} may be empty. */
    void publish(List<String> keys);
}
