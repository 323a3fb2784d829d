package io.mizan.inprocess.access.checkabstract;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Vault {

    @Client(check = BaseCheck.class)
    public String open() {
        return "";
    }
}
