package io.mizan.codegen.names;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Size;

/** Called like Promise, with JSON names that are no identifiers. */
public record Promise(
        @JsonbProperty("__proto__") String proto,
        @JsonbProperty("my key") @Size(max = 3) String myKey,
        @JsonbProperty("class") int klass) {}
