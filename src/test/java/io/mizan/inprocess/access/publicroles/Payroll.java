package io.mizan.inprocess.access.publicroles;

import io.mizan.Auth;
import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Payroll {

    @Client(auth = Auth.PUBLIC, roles = "staff")
    public String salaries() {
        return "";
    }
}
