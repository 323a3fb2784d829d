package io.mizan.inprocess.functions.duplicate;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Greeters {

    @Client
    public String hello() {
        return "hello";
    }

    @Client(name = "hello")
    public String greet() {
        return "hi";
    }
}
