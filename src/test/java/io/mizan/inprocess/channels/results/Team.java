package io.mizan.inprocess.channels.results;

/** A team that receives alerts. */
public record Team(String team) {}
