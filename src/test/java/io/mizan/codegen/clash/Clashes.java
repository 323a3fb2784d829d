package io.mizan.codegen.clash;

import io.mizan.Client;

/** Names TypeScript cannot take: a reserved word, and two exports with one name. */
public class Clashes {

    @Client
    public void delete(long id) {}

    @Client
    public void update(long id) {}

    @Client
    public void updateArgs(long id) {}

    @Client
    public UpdateArgs save(UpdateArgs args) {
        return args;
    }
}
