package io.mizan.codegen.clash;

public record UpdateArgs(long id) {}
