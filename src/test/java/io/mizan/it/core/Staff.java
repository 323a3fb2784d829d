package io.mizan.it.core;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Staff {

    @Client(roles = "staff")
    public String payroll() {
        return "payroll";
    }
}
