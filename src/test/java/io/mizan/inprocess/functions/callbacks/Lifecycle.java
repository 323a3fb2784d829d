package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Lifecycle {

    @Client
    @PostConstruct
    public void start() {}
}
