package io.mizan.inprocess.types.nullableoptional;

import io.mizan.Client;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class Notes {

    @Client
    public void note(@Nullable Optional<String> text) {}
}
