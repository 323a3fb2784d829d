package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

@ApplicationScoped
public class Producer {

    /** A value the producer makes. */
    public static class Widget {}

    @Client
    @Produces
    public Widget widget() {
        return new Widget();
    }
}
