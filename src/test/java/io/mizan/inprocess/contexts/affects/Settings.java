package io.mizan.inprocess.contexts.affects;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Settings {

    @Client(context = Scope.GLOBAL)
    public String settings() {
        return "";
    }

    @Client(affects = "setings")
    public void save(String value) {}
}
