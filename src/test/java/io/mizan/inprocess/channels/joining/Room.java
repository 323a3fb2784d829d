package io.mizan.inprocess.channels.joining;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A room to join, written {@code room} on the wire. */
public record Room(@JsonbProperty("room") @NotBlank @Size(max = 20) String name) {}
