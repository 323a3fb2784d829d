package io.mizan.inprocess.channels.abuse;

/** A price, as the server announces it. */
public record Quote(String symbol, long cents) {}
