package io.mizan.inprocess.access.once;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** Stock, reserved by other beans' functions. */
@ApplicationScoped
public class Stock {

    @Client(check = CountingCheck.class)
    public String reserve(String item) {
        return "reserved " + item;
    }
}
