package io.mizan.inprocess.types.result;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Anything {

    @Client
    public Object value() {
        return null;
    }
}
