package io.mizan.codegen.unmanaged;

import io.mizan.Client;

/**
 * Functions on a class without a bean-defining annotation: in an archive with
 * bean-discovery-mode="annotated" CDI makes no bean of it, so the server has none of its functions.
 */
public class Unmanaged {

    @Client
    public String hello(String name) {
        return "Hello " + name;
    }
}
