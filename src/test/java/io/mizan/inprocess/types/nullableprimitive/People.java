package io.mizan.inprocess.types.nullableprimitive;

import io.mizan.Client;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class People {

    /** A person whose age is a primitive that can never be null. */
    public record Person(String name, @Nullable int age) {}

    @Client
    public void add(Person person) {}
}
