package io.mizan.inprocess.functions.badname;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Accounts {

    @Client(name = "get-user")
    public String user() {
        return "";
    }
}
