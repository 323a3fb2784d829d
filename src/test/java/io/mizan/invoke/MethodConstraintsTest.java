package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

/** Which of a method's parts Bean Validation has something to check on, read from its metadata. */
class MethodConstraintsTest {

    public record Address(@NotBlank String city) {}

    public static class Service {
        public String plain(String name) {
            return name;
        }

        public String constrained(@NotBlank String name) {
            return name;
        }

        public String cascaded(@Valid Address address) {
            return address.city();
        }

        public @NotNull String result(String name) {
            return name;
        }

        public @jakarta.validation.constraints.Email String mail() {
            return "ada@example.com";
        }

        public @Valid Address address(String city) {
            return new Address(city);
        }

        public Address noValid(Address address) {
            return address;
        }
    }

    public record Plain(String text, int count) {}

    public record Nested(@Valid Address address) {}

    public record Unchecked(Address address) {}

    public record Elements(List<@NotBlank String> tags) {}

    public static class Getter {
        @NotNull
        public String getName() {
            return null;
        }
    }

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    /** Each test's own: what one has found is kept, and would hide what another finds. */
    final MethodConstraints CONSTRAINTS = new MethodConstraints(FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static Method method(String name) throws NoSuchMethodException {
        for (Method m : Service.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void parametersCountWithAConstraintOrValid() throws Exception {
        // nothing to check: any arguments pass without the validator; something to check: arguments
        // that break it are the validator's
        assertTrue(CONSTRAINTS.surelyValid(method("plain"), new Object[] {null}));
        assertFalse(CONSTRAINTS.surelyValid(method("constrained"), new Object[] {""}));
        assertTrue(CONSTRAINTS.surelyValid(method("cascaded"), new Object[] {new Address("Oslo")}), "@Valid: read");
        assertFalse(CONSTRAINTS.surelyValid(method("cascaded"), new Object[] {new Address(" ")}));
        assertTrue(
                CONSTRAINTS.surelyValid(method("noValid"), new Object[] {new Address("")}),
                "a record's own constraints need @Valid to count");
        assertTrue(CONSTRAINTS.surelyValid(method("result"), new Object[] {null}));
    }

    @Test
    void aResultIsSurelyValidWithoutConstraintsOrWhenTheQuickCheckSaysSo() throws Exception {
        assertTrue(CONSTRAINTS.surelyValidResult(method("result"), "x"));
        assertFalse(CONSTRAINTS.surelyValidResult(method("result"), null));
        assertTrue(CONSTRAINTS.surelyValidResult(method("constrained"), null), "constrained parameters only");
        assertTrue(CONSTRAINTS.surelyValidResult(method("plain"), null));
        assertTrue(CONSTRAINTS.surelyValidResult(method("address"), new Address("Oslo")), "@Valid: read");
        assertFalse(CONSTRAINTS.surelyValidResult(method("mail"), "ada@example.com"), "@Email: the validator's");
        assertFalse(CONSTRAINTS.surelyValidResult(method("address"), new Address("")));
        assertFalse(CONSTRAINTS.surelyValidResult(method("result"), null), "asked again: the same answer");
    }

    @Test
    void aValueIsSurelyValidWithNothingToCheckOrWhenTheQuickCheckSaysSo() {
        // nothing to check anywhere Bean Validation looks
        assertTrue(CONSTRAINTS.surelyValidValue(new Plain(null, 0)));
        assertTrue(
                CONSTRAINTS.surelyValidValue(new Unchecked(new Address(""))),
                "a component's own constraints need @Valid");
        assertTrue(CONSTRAINTS.surelyValidValue("text"));
        // something to check: read by the quick check where it can, else the validator's
        assertTrue(CONSTRAINTS.surelyValidValue(new Address("Oslo")), "on a record component");
        assertFalse(CONSTRAINTS.surelyValidValue(new Address(" ")));
        assertTrue(CONSTRAINTS.surelyValidValue(new Nested(new Address("Oslo"))), "cascaded with @Valid");
        assertFalse(CONSTRAINTS.surelyValidValue(new Nested(new Address(""))));
        assertTrue(CONSTRAINTS.surelyValidValue(new Elements(List.of("a"))), "on a list's elements");
        assertFalse(CONSTRAINTS.surelyValidValue(new Elements(List.of("a", " "))));
        assertFalse(CONSTRAINTS.surelyValidValue(new Getter()), "on a getter: the validator's");
        assertTrue(CONSTRAINTS.surelyValidValue(new Address("Oslo")), "asked again: the same answer");
    }
}
