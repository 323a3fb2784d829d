package io.mizan.inprocess.contexts.local;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class Catalog {

    /** A filter: an object, not a scalar. */
    public record Filter(String text) {}

    @Client(context = Scope.LOCAL)
    public List<String> search(Filter filter) {
        return List.of();
    }
}
