package io.mizan.inprocess.channels.messages;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A line of chat: what a client sends has no author; the server fills it in. */
public record ChatMessage(@NotBlank @Size(max = 200) String text, @Nullable String author) {}
