package io.mizan.inprocess.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.MizanException;
import io.mizan.auth.SignInFunctions;
import io.mizan.inprocess.FakeHttp;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.json.ArgumentBinder;
import io.mizan.messages.LogCapture;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.jacc.PolicyContext;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
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
 * The sign-in functions in process, with {@link io.mizan.inprocess.StandInSecurity}'s mechanism and a
 * {@link FakeHttp} request: off unless switched on; a sign-in ends the session before and a sign-in
 * before, starts a new session and sends its cookie again as the container configures it; wrong
 * passwords are answered later, then refused, and a right one forgets the user's; logout; the session
 * context; and what happens when the identity stores accept a credential the application's mechanism
 * will not sign in. The IT signs in through a real mechanism on a real server.
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

    /** The application's roles. */
    @ApplicationScoped
    @DeclareRoles({"admin", "staff", "user"})
    public static class Roles {}

    @Test
    void aRightPasswordSignsInInANewSessionWhoseCookieIsSentAgain() throws Exception {
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class, Roles.class)) {
            d.security().mechanismSignsIn("Ann", "user", "staff", "other"); // the name the store gives its caller
            FakeHttp.Request request = new FakeHttp.Request("POST").session("before");
            FakeHttp.Response response = new FakeHttp.Response();

            String session = login(d, "ann", "right", request, response);

            assertEquals(
                    session("Ann", "staff", "user"),
                    json(session),
                    "the caller the mechanism signed in, with the application's roles it holds, in order");
            assertEquals(List.of("invalidate before"), request.events, "nobody was signed in: no logout");
            String id = request.currentSession().getId();
            assertNotEquals("before", id);
            assertEquals("JSESSIONID=" + id + "; Path=/; HttpOnly; SameSite=Lax", response.headers.get("Set-Cookie"));
        }
    }

    @Test
    void theCookieSentAgainKeepsTheContainersNamePathDomainSecureAndSameSite() throws Exception {
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class)) {
            d.security().mechanismSignsIn("ann");
            FakeHttp.Context configured = new FakeHttp.Context();
            configured.cookie.setName("SHOPSESSION");
            configured.cookie.setPath("/shop");
            configured.cookie.setDomain("example.com");
            configured.cookie.setSecure(true);
            configured.cookie.setAttribute("SameSite", "Strict");
            assertEquals(
                    "SHOPSESSION=ID; Path=/shop; Domain=example.com; Secure; HttpOnly; SameSite=Strict",
                    cookie(d, new FakeHttp.Request("POST").in(configured).contextPath("/app")));

            assertEquals(
                    "JSESSIONID=ID; Path=/app; Secure; HttpOnly; SameSite=Lax",
                    cookie(d, new FakeHttp.Request("POST").contextPath("/app").secure()),
                    "no path configured: the application's; Secure as the request came");
            assertEquals(
                    "JSESSIONID=ID; Path=/app; HttpOnly; SameSite=Lax",
                    cookie(d, new FakeHttp.Request("POST").contextPath("/app")));
        }
    }

    @Test
    void aCallerSignedInAlreadyIsSignedOutAfterItsSessionEndsKeepingThePolicyContext() throws Exception {
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class, Roles.class)) {
            d.security().mechanismSignsIn("ann", "user");
            FakeHttp.Request request = new FakeHttp.Request("POST")
                    .user("bob")
                    .session("bobs")
                    .onLogout(() -> PolicyContext.setContextID(null)); // as Payara's logout does
            PolicyContext.setContextID("shop");
            try {
                assertEquals(session("ann", "user"), json(login(d, "ann", "right", request, new FakeHttp.Response())));
                assertEquals(List.of("invalidate bobs", "logout"), request.events);
                assertEquals("shop", PolicyContext.getContextID(), "roles are still checked against the application");
            } finally {
                PolicyContext.setContextID(null);
            }
        }
    }

    @Test
    void wrongPasswordsPastHalfTheLimitAreAnsweredLaterAndAtTheLimitEvenTheRightOneIsRefused() throws Exception {
        Map<String, String> three = Map.of("mizan.auth.functions", "true", "mizan.auth.max-failures", "3");
        try (InProcess.Deployment d = InProcess.start(three, SignInFunctions.class, Stores.class)) {
            d.security().mechanismSignsIn("ann");
            assertEquals(
                    "MIZAN-143",
                    assertThrows(MizanException.class, () -> login(d, "wrong")).code());
            assertEquals(
                    "MIZAN-143",
                    assertThrows(MizanException.class, () -> login(d, "wrong")).code());
            long start = System.nanoTime();
            assertEquals(
                    "MIZAN-143",
                    assertThrows(MizanException.class, () -> login(d, "wrong")).code());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250,
                    "two failed before it, past half of three: answered 250 ms later");

            MizanException refused = assertThrows(MizanException.class, () -> login(d, "right"));
            assertEquals("MIZAN-144", refused.code());
            assertEquals(429, refused.status());
            long retryAfter = refused.retryAfterSeconds();
            assertTrue(
                    retryAfter > 290 && retryAfter <= 300,
                    "until the first failure leaves the window of 300 s: " + retryAfter);
        }
    }

    @Test
    void aRightPasswordForgetsTheUsersFailuresButNotTheClients() throws Exception {
        Map<String, String> three = Map.of("mizan.auth.functions", "true", "mizan.auth.max-failures", "3");
        try (InProcess.Deployment d = InProcess.start(three, SignInFunctions.class, Stores.class)) {
            d.security().mechanismSignsIn("ann");
            assertThrows(MizanException.class, () -> login(d, "wrong"));
            assertThrows(MizanException.class, () -> login(d, "wrong"));
            login(d, "ann", "right", new FakeHttp.Request("POST").from("10.0.0.7"), new FakeHttp.Response());

            for (String password : List.of("wrong", "wrong")) {
                MizanException wrong = assertThrows(
                        MizanException.class,
                        () -> login(
                                d,
                                "ann",
                                password,
                                new FakeHttp.Request("POST").from("10.0.0.8"),
                                new FakeHttp.Response()));
                assertEquals("MIZAN-143", wrong.code(), "ann's failures before she signed in no longer count");
            }
            MizanException client = assertThrows(
                    MizanException.class,
                    () -> login(
                            d, "bob", "any", new FakeHttp.Request("POST").from("10.0.0.7"), new FakeHttp.Response()));
            assertEquals("MIZAN-143", client.code(), "the client's two failures are below the limit");
            MizanException limit = assertThrows(
                    MizanException.class,
                    () -> login(
                            d, "cy", "any", new FakeHttp.Request("POST").from("10.0.0.7"), new FakeHttp.Response()));
            assertEquals("MIZAN-144", limit.code(), "the client's failures stay, with bob's: three");
        }
    }

    @Test
    void logoutEndsTheSessionThenSignsOutKeepingThePolicyContext() throws Exception {
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class)) {
            FakeHttp.Request request = new FakeHttp.Request("POST")
                    .user("ann")
                    .session("anns")
                    .onLogout(() -> PolicyContext.setContextID(null)); // as Payara's logout does
            PolicyContext.setContextID("shop");
            try {
                assertEquals(
                        JsonValue.NULL,
                        json(call(d, "auth.logout", InProcess.user("ann"), request, new FakeHttp.Response(), "{}")));
                assertEquals(List.of("invalidate anns", "logout"), request.events);
                assertNull(request.user);
                assertEquals("shop", PolicyContext.getContextID(), "a sign-in later in the batch keeps its roles");
            } finally {
                PolicyContext.setContextID(null);
            }

            FakeHttp.Request sessionless = new FakeHttp.Request("POST").user("ann");
            call(d, "auth.logout", InProcess.user("ann"), sessionless, new FakeHttp.Response(), "{}");
            assertEquals(List.of("logout"), sessionless.events);
            assertNull(PolicyContext.getContextID(), "there was none to keep");
        }
    }

    @Test
    void theSessionContextNamesTheCallerAndTheApplicationsRolesItHolds() throws Exception {
        try (InProcess.Deployment d = InProcess.start(ON, SignInFunctions.class, Stores.class, Roles.class)) {
            d.security().signIn("ann", "user", "admin", "other");
            assertEquals(
                    session("ann", "admin", "user"),
                    json(d.call("auth.session", InProcess.user("ann"), Entry.CLIENT, "{}")
                            .json()));

            d.security().signOut();
            assertEquals(
                    JsonValue.NULL,
                    json(d.call("auth.session", Caller.ANONYMOUS, Entry.CLIENT, "{}")
                            .json()));
        }
    }

    /** {@code auth.session}'s value: this user, these roles. */
    private static JsonValue session(String user, String... roles) {
        return Json.createObjectBuilder()
                .add("user", user)
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build();
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    /** The session cookie a sign-in on this request sends, its session id as {@code ID}. */
    private static String cookie(InProcess.Deployment d, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        login(d, "ann", "right", request, response);
        return response.headers
                .get("Set-Cookie")
                .replace(request.currentSession().getId(), "ID");
    }

    private static Object login(InProcess.Deployment d, String password) throws Exception {
        return login(d, "ann", password, new FakeHttp.Request("POST").from("10.0.0.7"), new FakeHttp.Response());
    }

    /** {@code auth.login} as its entry point calls it, on this request and response; the result as JSON. */
    private static String login(
            InProcess.Deployment d,
            String username,
            String password,
            FakeHttp.Request request,
            FakeHttp.Response response)
            throws Exception {
        return call(
                d,
                "auth.login",
                Caller.ANONYMOUS,
                request,
                response,
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
    }

    private static String call(
            InProcess.Deployment d,
            String name,
            Caller caller,
            FakeHttp.Request request,
            FakeHttp.Response response,
            String json)
            throws Exception {
        FunctionModel function = d.function(name);
        Invocation call = d.invoker().authorize(function, caller, Entry.CLIENT, request.build(), response.build());
        Object[] args = d.bean(ArgumentBinder.class)
                .bind(function, Json.createReader(new StringReader(json)).readObject(), call);
        return d.invoker().invoke(call, args).json();
    }
}
