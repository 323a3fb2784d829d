package io.mizan.inprocess.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.MizanException;
import io.mizan.auth.SignInFunctions;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.json.ArgumentBinder;
import io.mizan.messages.LogCapture;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sign-in functions in process: off unless switched on, and what happens when the identity
 * stores accept a credential the application's mechanism will not sign in (the IT covers the rest,
 * with a real mechanism).
 */
class SignInTest {

    /** An identity store handler that knows ann/right. */
    @ApplicationScoped
    public static class Stores implements IdentityStoreHandler {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            return credential instanceof UsernamePasswordCredential c && c.compareTo("ann", "right")
                    ? new CredentialValidationResult("ann", Set.of("user"))
                    : CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** Knows nobody, and takes a while to say so, as a store that hashes a password does. */
    @ApplicationScoped
    public static class SlowStores implements IdentityStoreHandler {
        static final AtomicInteger CHECKED = new AtomicInteger();

        @Override
        public CredentialValidationResult validate(Credential credential) {
            CHECKED.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    private static final Map<String, String> ON = Map.of("mizan.auth.functions", "true");

    @Test
    void theFunctionsExistOnlyWhenSwitchedOn() {
        try (InProcess.Deployment off = InProcess.start(SignInFunctions.class, Stores.class)) {
            assertTrue(off.extension().model().function("auth.login").isEmpty());
            assertTrue(off.extension().model().function("auth.session").isEmpty());
        }
        try (InProcess.Deployment on = InProcess.start(ON, SignInFunctions.class, Stores.class)) {
            assertEquals(
                    List.of("auth.login", "auth.logout", "auth.session"),
                    on.extension().model().functions().keySet().stream()
                            .filter(n -> n.startsWith("auth."))
                            .toList());
            assertTrue(on.function("auth.session").isContext());
        }
    }

    @Test
    void aValidCredentialTheMechanismWillNotSignInIsRefusedAndLoggedWithTheFix() throws Exception {
        try (LogCapture log = LogCapture.of("io.mizan");
                InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class)) {
            d.security().mechanismAnswers(AuthenticationStatus.SEND_FAILURE); // as BASIC does
            MizanException refused = assertThrows(MizanException.class, () -> login(d, "right"));
            assertEquals("MIZAN-143", refused.code());
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("MIZAN-145")), () -> log.messages()
                    .toString());
            assertTrue(log.messages().stream().noneMatch(m -> m.contains("right")), "never the password");

            MizanException wrong = assertThrows(MizanException.class, () -> login(d, "wrong"));
            assertEquals(401, wrong.status());
            assertEquals("password", wrong.fieldErrors().get(0).path());
        }
    }

    @Test
    void aBurstOfWrongPasswordsGetsNoMoreChecksThanTheLimitAndTheRestAreRefused() throws Exception {
        SlowStores.CHECKED.set(0);
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, SlowStores.class)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> codes = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(30);
            try {
                for (int i = 0; i < 30; i++) {
                    codes.add(pool.submit(() -> {
                        start.await();
                        return assertThrows(MizanException.class, () -> login(d, "wrong"))
                                .code();
                    }));
                }
                start.countDown();
                Map<String, Integer> counts = new TreeMap<>();
                for (Future<String> code : codes) {
                    counts.merge(code.get(), 1, Integer::sum);
                }
                assertEquals(Map.of("MIZAN-143", 5, "MIZAN-144", 25), counts, "max-failures is 5 by default");
                assertEquals(5, SlowStores.CHECKED.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Object login(InProcess.Deployment d, String password) throws Exception {
        FunctionModel login = d.function("auth.login");
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                SignInTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? "10.0.0.7" : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SignInTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);
        Invocation call = d.invoker().authorize(login, Caller.ANONYMOUS, Entry.CLIENT, request, response);
        Object[] args = d.bean(ArgumentBinder.class)
                .bind(
                        login,
                        Json.createReader(new StringReader("{\"username\":\"ann\",\"password\":\"" + password + "\"}"))
                                .readObject(),
                        call);
        return d.invoker().invoke(call, args);
    }
}
