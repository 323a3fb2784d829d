package io.mizan.inprocess.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;

/** A dependent helper its owner keeps for as long as it lives: closed when the owner is destroyed. */
@Dependent
public class Connection {

    private volatile boolean open = true;

    @PreDestroy
    void close() {
        open = false;
    }

    public String query(String what) {
        if (!open) {
            throw new IllegalStateException("the connection is closed");
        }
        return what + " found";
    }
}
