package io.mizan.it.boundary;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/** Class-level settings that a method-level {@code @Client} refines without dropping any. */
@ApplicationScoped
@Client(serverOnly = true)
public class Merged {

    /** Keeps the class's serverOnly although it sets affects. */
    @Client(affects = "motd")
    public String rotate() {
        return "rotated";
    }

    /** Keeps the class's serverOnly although it sets auth. */
    @Client(auth = Auth.PUBLIC, context = Scope.LOCAL)
    public String hiddenContext(String lang) {
        return "secret " + lang;
    }
}
