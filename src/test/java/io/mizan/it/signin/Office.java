package io.mizan.it.signin;

import io.mizan.Client;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/** Functions whose access depends on who signed in. */
@ApplicationScoped
public class Office {

    /** Opens a session for an anonymous visitor, as a shopping cart would. */
    @Client
    public String visit(HttpServletRequest request) {
        return request.getSession(true).isNew() ? "new" : "known";
    }

    @Client
    @RolesAllowed("staff")
    public int payroll() {
        return 42;
    }

    @Client
    @RolesAllowed("user")
    public String inbox() {
        return "empty";
    }
}
