package io.mizan.inprocess.channels.presence;

import jakarta.validation.constraints.NotBlank;

/** Where people meet. */
public record Place(@NotBlank String place) {}
