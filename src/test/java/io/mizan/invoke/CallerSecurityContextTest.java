package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.inprocess.FakeHttp;
import io.mizan.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.Principal;
import java.util.List;

/**
 * A {@code SecurityContext} parameter sees the caller the access rule saw, whichever entry point the
 * call came through; the transport's facts (TLS, the authentication scheme) come from the request
 * when there is one, and server code has none.
 */
class CallerSecurityContextTest {

    static Caller caller(String who) {
        if (who.equals("anonymous")) {
            return Caller.ANONYMOUS;
        }
        return new Caller() {
            @Override
            public Principal principal() {
                return () -> who;
            }

            @Override
            public boolean isInRole(String role) {
                return List.of("staff").contains(role);
            }
        };
    }

    /** {@code none}, or {@code https BASIC} / {@code http FORM}: the scheme and the authentication type. */
    static HttpServletRequest request(String spec) {
        if (spec.equals("none")) {
            return null;
        }
        String[] parts = spec.split(" ");
        return new FakeHttp.Request().scheme(parts[0]).authType(parts[1]).build();
    }

    @ParameterizedTest(name = "{0} over {1}: principal {2}, staff {3}, secure {4}, scheme {5}")
    @CsvSource(
            delimiter = '#',
            nullValues = "-",
            value = {
                // caller#  request#     principal# staff#  secure# scheme
                "anonymous# none#        -#         false#  false#  -",
                "anonymous# https BASIC# -#         false#  true#   -",
                "ada#       none#        ada#       true#   false#  -",
                "ada#       https BASIC# ada#       true#   true#   BASIC",
                "ada#       http FORM#   ada#       true#   false#  FORM"
            })
    void answersForTheCallerAndItsRequest(
            String who, String request, String principal, boolean staff, boolean secure, String scheme) {
        CallerSecurityContext context = new CallerSecurityContext(caller(who), request(request));
        Principal p = context.getUserPrincipal();
        assertEquals(principal, p == null ? null : p.getName());
        assertEquals(staff, context.isUserInRole("staff"));
        assertEquals(false, context.isUserInRole("admin"));
        assertEquals(secure, context.isSecure());
        assertEquals(scheme, context.getAuthenticationScheme());
    }
}
