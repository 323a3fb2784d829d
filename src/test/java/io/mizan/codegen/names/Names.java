package io.mizan.codegen.names;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.validation.Valid;

import java.util.Map;

/** An application whose names collide with what generated code uses. */
public class Names {

    @Client(context = Scope.LOCAL)
    public Record everything() {
        return null;
    }

    @Client(context = Scope.GLOBAL)
    public Promise promised() {
        return null;
    }

    @Client(affects = {"everything", "promised"})
    public Map<String, Record> records(MizanClient client, Map<MizanClient, @Valid Promise> byClient) {
        return null;
    }
}
