package io.mizan.inprocess.contexts.global;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Banner {

    @Client(context = Scope.GLOBAL)
    public String banner(String locale) {
        return locale;
    }
}
