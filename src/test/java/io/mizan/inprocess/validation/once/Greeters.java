package io.mizan.inprocess.validation.once;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.it.core.Counted;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Greeters {

    @Client(auth = Auth.PUBLIC)
    public String greet(@Counted String name) {
        return "Hello, " + name;
    }

    /** Breaks its own result's constraint when asked to. */
    @Client(auth = Auth.PUBLIC)
    @Counted
    public String echo(String text) {
        return text;
    }

    /** No function: Bean Validation's interceptor alone validates it. */
    public String plain(@Counted String name) {
        return name;
    }
}
