package io.mizan.telemetry;

import io.mizan.Client;
import io.mizan.Scope;

/** The functions the telemetry tests observe: a call, a global context and a local one. */
public class Shop {
    @Client
    public String greet(String name) {
        return "Hello, " + name;
    }

    @Client(context = Scope.GLOBAL)
    public String settings() {
        return "{}";
    }

    @Client(context = Scope.LOCAL)
    public String stock(String board) {
        return board;
    }
}
