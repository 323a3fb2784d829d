package io.mizan.inprocess.channels.messages;

/** A tick of the clock. */
public record Tick(long n) {}
