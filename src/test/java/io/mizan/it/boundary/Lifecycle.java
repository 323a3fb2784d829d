package io.mizan.it.boundary;

import io.mizan.Client;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A class-level {@code @Client} bean: only its business method is a function. */
@ApplicationScoped
@Client
public class Lifecycle {

    private String greeting = "unset";

    @PostConstruct
    public void start() {
        greeting = "hello";
    }

    @PreDestroy
    public void stop() {
        greeting = "stopped";
    }

    @Inject
    public void init(jakarta.enterprise.inject.spi.BeanManager manager) {
        // an initializer method: never a function
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }

    public void onStartup(@Observes Started event) {
        // an observer: never a function
    }

    @Produces
    @Named("lifecycleGreeting")
    public String produced() {
        return greeting;
    }

    @Override
    public String toString() {
        return "Lifecycle[" + greeting + "]";
    }

    /** The one business method. */
    public String greeting() {
        return greeting;
    }

    /** An event nobody fires. */
    public record Started() {}
}
