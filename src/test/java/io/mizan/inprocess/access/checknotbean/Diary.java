package io.mizan.inprocess.access.checknotbean;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Diary {

    @Client(check = OnlyBob.class)
    public String read() {
        return "";
    }
}
