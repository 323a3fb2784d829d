package io.mizan.codegen.forms;

import io.mizan.Client;
import io.mizan.Form;
import jakarta.enterprise.context.ApplicationScoped;

/** A function whose name is the constant of a form. */
@ApplicationScoped
public class FormClashes {

    @Client
    public void contactForm() {}

    @Form(name = "contact")
    public void contact(FormDefinition form) {}
}
