package io.mizan.it.core;

import io.mizan.Auth;
import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

/** Functions that tell how many times their arguments were validated. */
@ApplicationScoped
public class CountedWords {

    @Inject
    CountedWords self;

    /** How many checks this call's argument took (and no more are counted). */
    @Client(auth = Auth.PUBLIC)
    public int checksOf(@Counted String word) {
        return Counted.CHECKS.getAndSet(0);
    }

    /** Server code calling a function with a blank word: refused by Bean Validation, checked once. */
    @Client(auth = Auth.PUBLIC)
    public String blankFromServerCode() {
        Counted.CHECKS.set(0);
        try {
            self.checksOf(" ");
            return "not refused";
        } catch (ConstraintViolationException e) {
            return "refused after " + Counted.CHECKS.getAndSet(0) + " check";
        }
    }
}
