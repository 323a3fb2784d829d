package io.mizan.inprocess.settings;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** A well-formed bean, so that only the settings are wrong. */
@ApplicationScoped
public class Ping {

    @Client
    public String ping() {
        return "pong";
    }
}
