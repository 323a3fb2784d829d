package io.mizan.codegen.forms;

import jakarta.validation.constraints.NotBlank;

/** A form record called like the runtime's type of a form definition. */
public record FormDefinition(@NotBlank String word, Shade shade) {

    public enum Shade {
        LIGHT,
        DARK
    }
}
