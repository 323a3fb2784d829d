package io.mizan.codegen.clash;

/** A type whose name TypeScript keeps for its own. */
public record never(long id) {}
