package io.mizan.model;

import java.util.List;

/** The problems found in an application's annotations; each names the class, the method and the fix. */
public final class ModelException extends RuntimeException {

    private final List<String> problems;

    public ModelException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
