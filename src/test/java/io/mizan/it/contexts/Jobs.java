package io.mizan.it.contexts;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Server code calling a server-only function of another bean, as a scheduled job would. */
@ApplicationScoped
public class Jobs {

    @Inject
    Profiles profiles;

    @Client(affects = "todos")
    public String nightly() {
        return profiles.webhook("Nightly");
    }
}
