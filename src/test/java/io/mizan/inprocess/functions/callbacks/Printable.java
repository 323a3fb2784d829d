package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Printable {

    @Client
    @Override
    public String toString() {
        return "printable";
    }
}
