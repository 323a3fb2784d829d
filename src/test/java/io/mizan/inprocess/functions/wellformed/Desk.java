package io.mizan.inprocess.functions.wellformed;

import io.mizan.Client;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * A class-level {@code @Client} bean with every kind of method the container calls, an
 * {@code Object} override and a setter: only {@code open} and {@code close} and the setter
 * annotated on its own become functions.
 */
@ApplicationScoped
@Client
public class Desk {

    /** An event of the application's. */
    public record Opened(String by) {}

    /** A value the bean produces. */
    public record Stamp(String text) {}

    private String owner = "";

    @Inject
    public void init(BeanManager beans) {}

    @PostConstruct
    public void start() {}

    @PreDestroy
    public void stop() {}

    public void onOpened(@Observes Opened opened) {}

    @Produces
    public Stamp stamp() {
        return new Stamp("ok");
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    @Client
    public void setColor(String color) {}

    public String open() {
        return owner;
    }

    public void close() {}

    @Override
    public String toString() {
        return "desk";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return 1;
    }
}
