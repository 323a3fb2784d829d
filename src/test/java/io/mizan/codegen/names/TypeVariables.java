package io.mizan.codegen.names;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Generic records whose type variables are named like zod, a reserved word, or each other but for case. */
@ApplicationScoped
public class TypeVariables {

    public record Xyz<X, Y, Z>(List<X> xs, List<Y> ys, List<Z> zs) {}

    public record Step<In, Out>(List<In> input, List<Out> output) {}

    public record Twin<T, t>(List<T> a, List<t> b) {}

    @Client
    public Xyz<String, Integer, Boolean> xyz(Xyz<String, Integer, Boolean> value) {
        return value;
    }

    @Client
    public Step<String, Integer> step(Step<String, Integer> step) {
        return step;
    }

    @Client
    public Twin<String, Integer> twin(Twin<String, Integer> twin) {
        return twin;
    }
}
