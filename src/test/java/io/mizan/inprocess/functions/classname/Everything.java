package io.mizan.inprocess.functions.classname;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@Client(name = "all")
public class Everything {

    public String first() {
        return "";
    }

    public String second() {
        return "";
    }
}
