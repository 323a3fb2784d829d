package io.mizan.inprocess.functions.notpublic;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Hidden {

    @Client
    String secret() {
        return "";
    }
}
