package it.app;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Greetings {

    /** The greeting everyone sees. */
    @Client(context = Scope.GLOBAL)
    public String greeting() {
        return "Hello";
    }

    /** Changes the greeting. */
    @Client(affects = "greeting")
    public String setGreeting(String text) {
        return text;
    }
}
