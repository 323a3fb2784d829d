package io.mizan.it.broken.affects;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/** A mutation that affects a misspelt context: the deployment must fail. */
@ApplicationScoped
public class Settings {

    @Client(context = Scope.GLOBAL)
    public String settings() {
        return "";
    }

    @Client(affects = "setings")
    public void save(String value) {
    }
}
