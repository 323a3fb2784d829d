package io.mizan.inprocess.hydration;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;
import java.util.List;

/** What a page embeds: global contexts for everyone, for some callers, and some that fail. */
@ApplicationScoped
public class Site {

    @Client(context = Scope.GLOBAL)
    public String banner() {
        return "Welcome";
    }

    @Client(context = Scope.GLOBAL, auth = Auth.AUTHENTICATED)
    public String currentUser(Principal me) {
        return me.getName();
    }

    @Client(context = Scope.GLOBAL, roles = "staff")
    public List<String> staffNotes() {
        return List.of("stocktake on Friday");
    }

    @Client(context = Scope.GLOBAL)
    public String broken() {
        throw new IllegalStateException("the store is down");
    }

    @Client(context = Scope.GLOBAL, check = Flaky.class)
    public String beta() {
        return "beta";
    }

    @Client(context = Scope.GLOBAL, serverOnly = true)
    public String internal() {
        return "internal";
    }

    @Client(context = Scope.LOCAL)
    public String page(String slug) {
        return slug;
    }
}
