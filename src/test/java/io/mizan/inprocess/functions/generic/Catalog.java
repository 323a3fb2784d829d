package io.mizan.inprocess.functions.generic;

import io.mizan.Client;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Functions of a generic class: the bean class that extends it gives them its types. */
public abstract class Catalog<T> {

    private final List<T> entries = new ArrayList<>();

    @Client
    public synchronized List<T> add(@Valid T entry, @Valid Optional<T> alsoAdd) {
        entries.add(entry);
        alsoAdd.ifPresent(entries::add);
        return List.copyOf(entries);
    }
}
