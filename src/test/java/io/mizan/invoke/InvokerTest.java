package io.mizan.invoke;

import static io.mizan.security.TestCallers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.json.ResultViolation;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The invoker's rules with plain objects: built with {@code new}, no container. (Keys come from the
 * {@code @Client} interceptor, which only a container runs; here the frame and its publisher are seen
 * through {@link io.mizan.Invalidator}-style keys added by the method itself.)
 */
class InvokerTest {

    public record Address(@JsonbProperty("postal_code") @NotBlank String postalCode, List<@NotBlank String> lines) {}

    public static class Shop {
        final AtomicInteger shipped = new AtomicInteger();

        @Client(serverOnly = true, affects = "stock")
        public String restock() {
            io.mizan.invalidation.InvalidationFrames.add(List.of("stock"));
            return "restocked";
        }

        @Client(context = Scope.GLOBAL)
        public int stock() {
            return 3;
        }

        @Client(auth = Auth.AUTHENTICATED)
        public String mine(Principal me) {
            return me.getName();
        }

        @Client(roles = "staff", check = AllowAll.class)
        public String staffOnly() {
            return "staff";
        }

        @Client
        public String ship(@Valid Address address, @Size(max = 3) String note) {
            shipped.incrementAndGet();
            return address.postalCode();
        }

        @Client
        public String conflict() {
            throw new EJBException(new MizanException(409, "Already shipped"));
        }

        /** What a nested in-process call would be checked against. */
        @Client
        public String currentCaller() {
            Caller caller = CurrentCall.caller();
            return caller == null
                    ? "none"
                    : caller.principal() == null
                            ? "anonymous"
                            : caller.principal().getName();
        }

        @Client
        public String nothing() {
            return null;
        }
    }

    public static class AllowAll implements io.mizan.AccessCheck {
        @Override
        public boolean permits(String function, Principal caller) {
            return true;
        }
    }

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));

    final Shop shop = new Shop();
    final List<List<String>> published = new ArrayList<>();
    final AtomicInteger checks = new AtomicInteger();
    ResultEncoder encoder;
    Invoker invoker;
    ArgumentBinder binder;

    @BeforeEach
    void build() {
        encoder = new ResultEncoder(MODEL);
        AccessPolicy access = new AccessPolicy((type, function, caller) -> checks.incrementAndGet() > 0);
        BeanTargets targets = beanClass -> new BeanTargets.Target() {
            @Override
            public Object instance() {
                return shop;
            }

            @Override
            public void close() {}
        };
        invoker = new Invoker(MODEL, access, new LocalizedValidators(VALIDATION), targets, encoder, published::add);
        binder = new ArgumentBinder(MODEL, encoder.jsonb());
    }

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    FunctionModel function(String name) {
        return MODEL.function(name).orElseThrow();
    }

    Outcome call(String name, Caller caller, Entry entry, String json) throws Exception {
        Invocation call = invoker.authorize(function(name), caller, entry, null);
        return invoker.invoke(
                call,
                binder.bind(
                        function(name),
                        Json.createReader(new java.io.StringReader(json)).readObject(),
                        call));
    }

    /** The status and code a refused call ends with: {@code 403 MIZAN-142}. */
    static String refusal(org.junit.jupiter.api.function.Executable call) {
        MizanException e = assertThrows(MizanException.class, call);
        return e.status() + " " + e.code();
    }

    @Test
    void aServerOnlyFunctionRefusesClientsAndServesServerCode() throws Exception {
        assertEquals("403 MIZAN-142", refusal(() -> call("restock", Caller.ANONYMOUS, Entry.CLIENT, "{}")));
        Outcome outcome = call("restock", Caller.ANONYMOUS, Entry.SERVER, "{}");
        assertEquals("\"restocked\"", outcome.json());
        assertEquals(List.of("stock"), outcome.keys());
        assertEquals(List.of(List.of("stock")), published, "the outermost call's keys are published once");
    }

    @Test
    void accessIsDecidedBeforeTheArgumentsAreRead() {
        assertEquals(
                "401 MIZAN-140",
                refusal(() -> invoker.authorize(function("mine"), Caller.ANONYMOUS, Entry.CLIENT, null)));
        assertEquals(
                "401 MIZAN-140",
                refusal(() -> invoker.authorize(function("staffOnly"), Caller.ANONYMOUS, Entry.CLIENT, null)));
        assertEquals(
                "403 MIZAN-141",
                refusal(() -> invoker.authorize(function("staffOnly"), user("ann"), Entry.CLIENT, null)));
        assertEquals(0, checks.get(), "the custom check runs only after the base rule passes");
        invoker.authorize(function("staffOnly"), user("sam", "staff"), Entry.CLIENT, null);
        assertEquals(1, checks.get());
    }

    @Test
    void injectedParametersComeFromTheSameCaller() throws Exception {
        assertEquals("\"ann\"", call("mine", user("ann"), Entry.CLIENT, "{}").json());
    }

    @Test
    void argumentsFailingValidationAre422WithJsonNamesAndTheMethodDoesNotRun() {
        MizanException e = assertThrows(
                MizanException.class,
                () -> call(
                        "ship",
                        Caller.ANONYMOUS,
                        Entry.CLIENT,
                        "{\"address\":{\"postal_code\":\" \",\"lines\":[\"a\",\"\"]},\"note\":\"long\"}"));
        assertEquals(422, e.status());
        assertEquals("MIZAN-137", e.code());
        assertEquals(
                List.of("address.lines[1]", "address.postal_code", "note"),
                e.fieldErrors().stream().map(io.mizan.FieldError::path).toList());
        assertEquals(0, shop.shipped.get());
    }

    @Test
    void theMethodsOwnExceptionComesOutUnwrapped() {
        MizanException thrown =
                assertThrows(MizanException.class, () -> call("conflict", Caller.ANONYMOUS, Entry.CLIENT, "{}"));
        assertEquals(409, thrown.status());
        assertNull(thrown.code(), "the application's own refusal has the code it was given");
    }

    @Test
    void aNullResultTheModelRulesOutIsAServerFailure() {
        ResultViolation v =
                assertThrows(ResultViolation.class, () -> call("nothing", Caller.ANONYMOUS, Entry.CLIENT, "{}"));
        Failure failure = Failure.of(v, "a test");
        assertEquals(500, failure.status());
        assertEquals("MIZAN-121", failure.code(), "the caller learns only that the server failed");
        assertEquals("MIZAN-120", Messages.id(v.getMessage()));
        assertTrue(v.getMessage().contains("nothing.result"), v.getMessage());
    }

    @Test
    void theCallIsVisibleToNestedCallsAndGoneAfterwards() throws Exception {
        assertNull(CurrentCall.caller());
        assertEquals(
                "\"ann\"",
                call("currentCaller", user("ann"), Entry.CLIENT, "{}").json());
        assertNull(CurrentCall.caller());
        assertEquals(
                "\"anonymous\"",
                call("currentCaller", Caller.ANONYMOUS, Entry.CLIENT, "{}").json());
        assertThrows(MizanException.class, () -> call("conflict", Caller.ANONYMOUS, Entry.CLIENT, "{}"));
        assertNull(CurrentCall.caller(), "a failed call leaves nothing behind");
        assertFalse(CurrentCall.takeAuthorization(function("stock")));
    }
}
