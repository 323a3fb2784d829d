package io.mizan.inprocess.functions.callbacks;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

@ApplicationScoped
public class Initializer {

    @Client
    @Inject
    public void init(BeanManager beans) {}
}
