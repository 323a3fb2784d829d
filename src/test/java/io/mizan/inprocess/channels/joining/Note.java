package io.mizan.inprocess.channels.joining;

/** What a room carries. */
public record Note(String text) {}
