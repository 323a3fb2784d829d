package io.mizan.inprocess.lifecycle;

import io.mizan.Client;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** A {@code @Singleton} (pseudo-scoped) bean with functions: one instance for the application, as with any scope but dependent. */
@Singleton
public class Catalog {

    @Inject
    Connection connection;

    @Client
    public String find(String item) {
        return connection.query(item);
    }
}
