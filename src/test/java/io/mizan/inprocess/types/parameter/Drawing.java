package io.mizan.inprocess.types.parameter;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Drawing {

    /** An interface JSON-B cannot create. */
    public interface Shape {}

    @Client
    public void draw(Shape shape) {}
}
