package io.mizan.model.naming;

/** A top-level type whose simple name nested types share. */
public record Item(String label) {}
