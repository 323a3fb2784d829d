package io.mizan.inprocess.lifecycle;

import io.mizan.AccessCheck;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.security.Principal;

/** A dependent check: an instance of its own for each decision. Lets in everyone signed in. */
@Dependent
public class Members implements AccessCheck {

    @Inject
    Lifecycles lifecycles;

    @PostConstruct
    void created() {
        lifecycles.created(this);
    }

    @PreDestroy
    void destroyed() {
        lifecycles.destroyed(this);
    }

    @Override
    public boolean permits(String function, Principal caller) {
        return caller != null;
    }
}
