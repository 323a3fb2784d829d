package io.mizan.demo;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A local context with a parameter. */
@ApplicationScoped
public class Greetings {

    /** A greeting for a name. */
    public record Greeting(String text, int letters) {
    }

    /** Greets someone by name: fetched per name, cached per name. */
    @Client(context = Scope.LOCAL)
    public Greeting greet(@NotBlank @Size(max = 40) String name) {
        return new Greeting("Hello, " + name + "!", name.codePointCount(0, name.length()));
    }
}
