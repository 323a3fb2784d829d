package io.mizan.bench.app;

/** A named counter's value. */
public record Counter(String name, long count) {
}
