package io.mizan.codegen.broken;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** Affects a context that does not exist: the generator must refuse it, as deployment does. */
@ApplicationScoped
public class Broken {

    @Client(affects = "nothing")
    public void touch() {}
}
