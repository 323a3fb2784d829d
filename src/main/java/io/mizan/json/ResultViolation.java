package io.mizan.json;

import io.mizan.model.FunctionModel;

/**
 * A result that breaks the model's promise: a {@code null} where its type says there is never one.
 * It is the server's bug, so the caller gets a 500 with an error id and the log gets this message.
 */
public final class ResultViolation extends RuntimeException {

    ResultViolation(FunctionModel function, String path) {
        super("MIZAN-120 " + path + " is null, but the type of " + function.where() + " says it never is."
                + " Fix: return a value there, or declare it Optional or @Nullable so that clients expect null.",
                null, false, false);
    }
}
