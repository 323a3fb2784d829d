package io.mizan.inprocess.access.jakartaconflict;

import io.mizan.Client;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Reports {

    @Client
    @PermitAll
    @RolesAllowed("staff")
    public String weekly() {
        return "";
    }
}
