package io.mizan.codegen.names;

/** A message type called like a name of the runtime's channel API. */
public record ChannelState(String text) {}
