package io.mizan.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mizan.inprocess.FakeHttp;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller of a request: Jakarta Security is asked only when the servlet container knows a user (an
 * anonymous request skips its costly lookup), once at most, and a server's anonymous identity is nobody.
 */
class ContainerCallerTest {

    private final List<String> asked = new ArrayList<>();

    /** Jakarta Security as seen by the caller: notes each question, answers with this principal. */
    private SecurityContext security(Principal caller) {
        return (SecurityContext) Proxy.newProxyInstance(
                SecurityContext.class.getClassLoader(), new Class<?>[] {SecurityContext.class}, (p, method, args) -> {
                    asked.add(method.getName());
                    return switch (method.getName()) {
                        case "getCallerPrincipal" -> caller;
                        case "isCallerInRole" -> "staff".equals(args[0]);
                        default -> null;
                    };
                });
    }

    private static HttpServletRequest request(Principal user) {
        return new FakeHttp.Request().user(user).build();
    }

    private static final Principal ADA = () -> "ada";

    @Test
    void anAnonymousRequestIsNobodyWithoutAskingJakartaSecurity() {
        ContainerCaller caller = new ContainerCaller(security(ADA), request(null));
        assertNull(caller.principal());
        assertEquals(false, caller.isInRole("staff"));
        assertEquals(List.of(), asked);
    }

    @Test
    void aSignedInRequestIsResolvedByJakartaSecurityOnce() {
        ContainerCaller caller = new ContainerCaller(security(ADA), request(() -> "ada"));
        assertEquals("ada", caller.principal().getName());
        assertEquals("ada", caller.principal().getName());
        assertEquals(true, caller.isInRole("staff"));
        assertEquals(List.of("getCallerPrincipal", "isCallerInRole"), asked);
    }

    @Test
    void withoutARequestJakartaSecurityDecides() {
        assertEquals("ada", new ContainerCaller(security(ADA)).principal().getName());
        assertNull(new ContainerCaller(security(null)).principal());
    }
}
