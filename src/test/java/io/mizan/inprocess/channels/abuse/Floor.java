package io.mizan.inprocess.channels.abuse;

import jakarta.validation.constraints.NotBlank;

/** A trading floor. */
public record Floor(@NotBlank String floor) {}
