package io.mizan.codegen.names;

/** Called like the runtime's MizanClient. */
public enum MizanClient {
    BROWSER,
    SERVER
}
