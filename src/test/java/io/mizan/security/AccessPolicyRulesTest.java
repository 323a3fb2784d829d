package io.mizan.security;

import static io.mizan.security.TestCallers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mizan.AccessCheck;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.model.AccessRule;
import io.mizan.model.FunctionModel;
import io.mizan.model.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call: every kind of rule, for nobody, a signed-in user without roles and a member of staff,
 * without a custom check and with one that permits or refuses. 401 means "sign in", 403 "not you".
 */
class AccessPolicyRulesTest {

    public static class Reports {
        public void weekly() {}
    }

    /** A check class for the model; what it answers comes from the {@link AccessChecks} below. */
    public static class Ledger implements AccessCheck {
        @Override
        public boolean permits(String function, Principal caller) {
            throw new AssertionError("asked through AccessChecks, never directly");
        }
    }

    /** The questions the policy asked its checks: {@code function:caller}. */
    final List<String> asked = new ArrayList<>();

    static FunctionModel function(AccessRule rule) throws NoSuchMethodException {
        return new FunctionModel(
                "weekly",
                Reports.class,
                Reports.class.getMethod("weekly"),
                List.of(),
                new TypeRef.Void(),
                void.class,
                Scope.NONE,
                rule,
                List.of(),
                Map.of(),
                false,
                false);
    }

    static AccessRule rule(String rule) {
        return switch (rule) {
            case "public" -> AccessRule.of(AccessRule.Kind.PUBLIC);
            case "authenticated" -> AccessRule.of(AccessRule.Kind.AUTHENTICATED);
            case "roles(staff|admin)" -> new AccessRule(AccessRule.Kind.ROLES, Set.of("staff", "admin"), null);
            case "roles()" -> new AccessRule(AccessRule.Kind.ROLES, Set.of(), null);
            case "denyAll" -> AccessRule.of(AccessRule.Kind.DENY_ALL);
            default -> throw new IllegalArgumentException(rule);
        };
    }

    static Caller caller(String who) {
        return switch (who) {
            case "anonymous" -> Caller.ANONYMOUS;
            case "ada" -> user("ada");
            case "bob(staff)" -> user("bob", "staff");
            default -> throw new IllegalArgumentException(who);
        };
    }

    /** 200 when the call may go on, else the status of the refusal. */
    int status(AccessRule rule, String check, Caller caller) throws NoSuchMethodException {
        AccessPolicy policy = new AccessPolicy((type, function, principal) -> {
            assertSame(Ledger.class, type);
            asked.add(function + ":" + (principal == null ? "-" : principal.getName()));
            return check.equals("permits");
        });
        AccessRule withCheck = check.equals("none") ? rule : rule.withCheck(Ledger.class);
        try {
            policy.enforce(function(withCheck), caller);
            return 200;
        } catch (MizanException e) {
            assertTrue(e.getMessage().contains("weekly"), "names the function: " + e.getMessage());
            return e.status();
        }
    }

    @ParameterizedTest(name = "{0}, check {1}: anonymous {2}, ada {3}, bob(staff) {4}")
    @CsvSource({
        // rule,               check,   anonymous, ada, bob(staff)
        "public,               none,    200, 200, 200",
        "public,               permits, 200, 200, 200",
        "public,               refuses, 403, 403, 403",
        "authenticated,        none,    401, 200, 200",
        "authenticated,        permits, 401, 200, 200",
        "authenticated,        refuses, 401, 403, 403",
        "roles(staff|admin),   none,    401, 403, 200",
        "roles(staff|admin),   permits, 401, 403, 200",
        "roles(staff|admin),   refuses, 401, 403, 403",
        "roles(),              none,    401, 403, 403",
        "roles(),              permits, 401, 403, 403",
        "denyAll,              none,    403, 403, 403",
        "denyAll,              permits, 403, 403, 403"
    })
    void decidesEveryRuleForEveryCaller(String rule, String check, int anonymous, int ada, int staff)
            throws NoSuchMethodException {
        assertEquals(
                List.of(anonymous, ada, staff),
                List.of(
                        status(rule(rule), check, caller("anonymous")),
                        status(rule(rule), check, caller("ada")),
                        status(rule(rule), check, caller("bob(staff)"))));
    }

    @ParameterizedTest(name = "{0}: {1} asks the check {2}")
    @CsvSource(
            delimiter = '#',
            value = {
                // the check is asked only once the rule passes, with the function's name and the caller
                "public#             anonymous#  weekly:-",
                "public#             ada#        weekly:ada",
                "authenticated#      anonymous#  ''",
                "authenticated#      ada#        weekly:ada",
                "roles(staff|admin)# ada#        ''",
                "roles(staff|admin)# bob(staff)# weekly:bob",
                "denyAll#            bob(staff)# ''"
            })
    void theCheckIsAskedOnlyAfterTheRulePasses(String rule, String who, String questions) throws NoSuchMethodException {
        status(rule(rule), "permits", caller(who));
        assertEquals(questions.isEmpty() ? List.of() : List.of(questions), asked);
    }

    @Test
    void aPublicFunctionWithoutCheckAsksTheContainerNothing() throws NoSuchMethodException {
        Caller unreachable = new Caller() {
            @Override
            public Principal principal() {
                return fail("the caller was asked who it is");
            }

            @Override
            public boolean isInRole(String role) {
                return fail("the caller was asked for a role");
            }
        };
        new AccessPolicy((type, function, principal) -> fail("a check was asked"))
                .enforce(function(AccessRule.of(AccessRule.Kind.PUBLIC)), unreachable);
    }

    @Test
    void aCheckThatThrowsPassesItsExceptionOn() throws NoSuchMethodException {
        IllegalStateException down = new IllegalStateException("the ledger is down");
        AccessPolicy policy = new AccessPolicy((type, function, principal) -> {
            throw down;
        });
        FunctionModel weekly = function(AccessRule.of(AccessRule.Kind.PUBLIC).withCheck(Ledger.class));
        assertSame(down, assertThrows(IllegalStateException.class, () -> policy.enforce(weekly, user("ada"))));
    }

    @Test
    void anonymousHasNoPrincipalAndNoRole() {
        assertEquals(null, Caller.ANONYMOUS.principal());
        assertEquals(false, Caller.ANONYMOUS.isInRole("staff"));
    }
}
