package io.mizan.inprocess.forms;

import io.mizan.Form;
import jakarta.enterprise.context.ApplicationScoped;

/** A sign-up form with a class-level constraint, and a form for staff only. */
@ApplicationScoped
public class Accounts {

    @Form
    public String signup(SignupForm form) {
        return "welcome " + form.user();
    }

    @Form(name = "raise", roles = "staff")
    public int raise(RaiseForm form) {
        return form.percent();
    }

    public record RaiseForm(@jakarta.validation.constraints.Max(10) int percent) {}
}
