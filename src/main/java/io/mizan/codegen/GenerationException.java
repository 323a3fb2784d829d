package io.mizan.codegen;

import java.util.List;

/**
 * Names in the application that cannot be written as TypeScript: a function called like a reserved
 * word, two exports with one name. Each problem names the Java element and the fix.
 */
public final class GenerationException extends RuntimeException {

    private final List<String> problems;

    public GenerationException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
