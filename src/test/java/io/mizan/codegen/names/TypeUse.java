package io.mizan.codegen.names;

import io.mizan.Client;
import io.mizan.json.typeuse.Nullable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Type arguments marked nullable with a type-use annotation. */
@ApplicationScoped
public class TypeUse {

    public record Holes(List<@Nullable String> names, Map<String, @Nullable Integer> counts) {}

    @Client
    public List<@Nullable String> holes(Holes holes) {
        return holes.names();
    }
}
