package io.mizan.json;

import io.mizan.messages.Messages;

/**
 * A result that breaks the model's promise: a {@code null} where its type says there is never one.
 * It is the server's bug, so the caller gets a 500 with an error id and the log gets this message.
 */
public final class ResultViolation extends RuntimeException {

    ResultViolation(String where, String path) {
        super(Messages.resultNull(where, path), null, false, false);
    }
}
