package io.mizan.inprocess.access.once;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** A report only staff may read. */
@ApplicationScoped
public class Reports {

    @Client(roles = "staff")
    public String weekly() {
        return "the weekly report";
    }
}
