package io.mizan.it.broken.contexts;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A LOCAL context with an object parameter and a GLOBAL one with a parameter: the deployment must fail. */
@ApplicationScoped
public class Catalog {

    public record Filter(String text, int page) {
    }

    @Client(context = Scope.LOCAL)
    public List<String> search(Filter filter) {
        return List.of();
    }

    @Client(context = Scope.GLOBAL)
    public String banner(String locale) {
        return "";
    }
}
