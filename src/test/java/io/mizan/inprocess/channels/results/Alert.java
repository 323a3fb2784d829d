package io.mizan.inprocess.channels.results;

import jakarta.annotation.Nullable;

import java.util.List;

/** An alert: its text and tags are never null, its note may be. */
public record Alert(String text, List<String> tags, @Nullable String note) {}
