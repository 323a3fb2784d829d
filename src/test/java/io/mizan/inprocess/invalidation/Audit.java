package io.mizan.inprocess.invalidation;

import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log that other beans' functions write to: a nested call with keys of its own. */
@ApplicationScoped
public class Audit {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    @Client(context = Scope.GLOBAL)
    public List<String> auditLog() {
        return List.copyOf(entries);
    }

    @Client(affects = "auditLog")
    public void record(String entry) {
        entries.add(entry);
    }

    /** Refuses the entry after changing the log: a nested call that fails. */
    @Client(affects = "auditLog")
    public void recordStrictly(String entry) {
        entries.add(entry);
        throw new MizanException(409, "Entries are closed");
    }
}
