package io.mizan.codegen.forms;

import io.mizan.Form;
import jakarta.enterprise.context.ApplicationScoped;

/** A form called mizan, whose hook, useMizanForm, is the runtime's name too. */
@ApplicationScoped
public class MizanForms {

    @Form(name = "mizan", title = "Say it's \"Mizan\"")
    public String mizan(FormDefinition words) {
        return words.word();
    }
}
