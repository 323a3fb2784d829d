package io.mizan.it.broken.duplicate;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** Two functions called "hello": the deployment must fail. */
@ApplicationScoped
public class Greeters {

    @Client
    public String hello() {
        return "hello";
    }

    @Client(name = "hello")
    public String greet(String name) {
        return "hello " + name;
    }
}
