package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

@ApplicationScoped
public class Disposer {

    /** A value the bean makes and disposes of. */
    public static class Gadget {}

    @Produces
    public Gadget gadget() {
        return new Gadget();
    }

    @Client
    public void dispose(@Disposes Gadget gadget) {}
}
