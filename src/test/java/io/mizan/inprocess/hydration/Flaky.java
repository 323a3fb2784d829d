package io.mizan.inprocess.hydration;

import io.mizan.AccessCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;

/** A check whose own store is down: it throws instead of deciding. */
@ApplicationScoped
public class Flaky implements AccessCheck {

    @Override
    public boolean permits(String function, Principal caller) {
        throw new IllegalStateException("the beta list is unreachable");
    }
}
