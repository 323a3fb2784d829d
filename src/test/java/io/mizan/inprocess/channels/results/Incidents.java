package io.mizan.inprocess.channels.results;

import io.mizan.Auth;
import io.mizan.Broadcaster;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Incidents: a count clients read, and a mutation that raises one and alerts the team. */
@ApplicationScoped
public class Incidents {

    private final AtomicInteger raised = new AtomicInteger();

    @Inject
    Broadcaster broadcaster;

    @Client(context = Scope.GLOBAL, auth = Auth.PUBLIC)
    public int incidents() {
        return raised.get();
    }

    /** An empty title is sent as a null text: the broadcast refuses it, and the call fails. */
    @Client(affects = "incidents", auth = Auth.PUBLIC)
    public void raise(String team, String title) {
        raised.incrementAndGet();
        broadcaster.send(AlertChannel.class, team, new Alert(title.isEmpty() ? null : title, List.of(), null));
    }
}
