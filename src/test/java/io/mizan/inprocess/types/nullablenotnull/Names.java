package io.mizan.inprocess.types.nullablenotnull;

import io.mizan.Client;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

@ApplicationScoped
public class Names {

    @Client
    public void rename(@Nullable @NotNull String name) {}
}
