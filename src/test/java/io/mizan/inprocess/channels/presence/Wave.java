package io.mizan.inprocess.channels.presence;

/** A greeting. */
public record Wave(String text) {}
