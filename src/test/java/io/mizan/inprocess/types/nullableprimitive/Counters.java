package io.mizan.inprocess.types.nullableprimitive;

import io.mizan.Client;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Counters {

    @Client
    public void count(@Nullable int times) {}
}
