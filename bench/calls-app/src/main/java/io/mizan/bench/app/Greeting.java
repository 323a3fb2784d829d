package io.mizan.bench.app;

/** The result of a greeting. */
public record Greeting(String text, int letters) {

    /** The work both endpoints do. */
    static Greeting of(String name) {
        return new Greeting("Hello, " + name + "!", name.codePointCount(0, name.length()));
    }
}
