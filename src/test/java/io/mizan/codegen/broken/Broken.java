package io.mizan.codegen.broken;

import io.mizan.Client;

/** Affects a context that does not exist: the generator must refuse it, as deployment does. */
public class Broken {

    @Client(affects = "nothing")
    public void touch() {
    }
}
