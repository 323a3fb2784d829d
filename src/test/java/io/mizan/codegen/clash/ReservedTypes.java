package io.mizan.codegen.clash;

import io.mizan.Client;

/** A function whose result type has a name TypeScript keeps for its own. */
public class ReservedTypes {

    @Client
    public never find(long id) {
        return new never(id);
    }
}
