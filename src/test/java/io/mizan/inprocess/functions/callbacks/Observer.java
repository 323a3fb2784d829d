package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

@ApplicationScoped
public class Observer {

    /** An event of the application's. */
    public record Started(String by) {}

    @Client
    public void onStart(@Observes Started started) {}
}
