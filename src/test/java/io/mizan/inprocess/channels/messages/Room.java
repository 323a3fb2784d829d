package io.mizan.inprocess.channels.messages;

import jakarta.validation.constraints.NotBlank;

/** A chat room. */
public record Room(@NotBlank String room) {}
