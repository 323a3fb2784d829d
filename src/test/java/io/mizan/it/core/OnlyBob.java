package io.mizan.it.core;

import io.mizan.AccessCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;

@ApplicationScoped
public class OnlyBob implements AccessCheck {
    @Override
    public boolean permits(String function, Principal caller) {
        return caller != null && caller.getName().equals("bob");
    }
}
