package io.mizan.inprocess.access.checknotbean;

import io.mizan.AccessCheck;

import java.security.Principal;

/** A check that is not a bean: this deployment does not include it. */
public class OnlyBob implements AccessCheck {

    @Override
    public boolean permits(String function, Principal caller) {
        return caller != null && caller.getName().equals("bob");
    }
}
