package io.mizan.codegen.names;

/** Called like TypeScript's Record: maps in types.ts must not use the utility type. */
public record Record(String id) {}
