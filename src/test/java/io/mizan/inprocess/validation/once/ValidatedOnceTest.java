package io.mizan.inprocess.validation.once;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.it.core.Counted;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a server, Bean Validation's interceptor validates every constrained bean method; a function's
 * arguments are validated by the invoker already (for a 422 with field errors), so the interceptor
 * must not validate them a second time, while a call from server code and a function's result stay
 * validated as Bean Validation would.
 */
class ValidatedOnceTest {

    InProcess.Deployment deployment;

    @BeforeEach
    void start() {
        deployment = InProcess.startWithMethodValidation(Greeters.class);
        Counted.CHECKS.set(0);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void aCallsArgumentsAreValidatedOnce() throws Exception {
        String result = deployment
                .call("greet", InProcess.user("ann"), Entry.CLIENT, "{\"name\":\"Ada\"}")
                .json();
        assertEquals("\"Hello, Ada\"", result);
        assertEquals(1, Counted.CHECKS.get(), "the argument was checked once");
    }

    @Test
    void aCallWithAWrongArgumentIsA422() {
        MizanException refused = assertThrows(
                MizanException.class,
                () -> deployment.call("greet", InProcess.user("ann"), Entry.CLIENT, "{\"name\":\" \"}"));
        assertEquals(422, refused.status());
    }

    @Test
    void serverCodeCallingAFunctionIsStillValidatedOnce() {
        Greeters greeters = deployment.bean(Greeters.class);
        ConstraintViolationException thrown =
                assertThrows(ConstraintViolationException.class, () -> greeters.greet(" "));
        assertEquals(1, thrown.getConstraintViolations().size());
        assertEquals(1, Counted.CHECKS.get());
        assertEquals("Hello, Bo", greeters.greet("Bo"));
    }

    @Test
    void aFunctionsResultIsStillValidated() throws Exception {
        assertEquals(
                "\"hi\"",
                deployment
                        .call("echo", InProcess.user("ann"), Entry.CLIENT, "{\"text\":\"hi\"}")
                        .json());
        Counted.CHECKS.set(0);
        assertThrows(
                ConstraintViolationException.class,
                () -> deployment.call("echo", InProcess.user("ann"), Entry.CLIENT, "{\"text\":\"\"}"));
        assertThrows(
                ConstraintViolationException.class,
                () -> deployment.bean(Greeters.class).echo(""));
        assertEquals(2, Counted.CHECKS.get(), "each result was checked once");
    }

    @Test
    void aMethodThatIsNoFunctionKeepsBeanValidationsInterceptor() {
        assertThrows(
                ConstraintViolationException.class,
                () -> deployment.bean(Greeters.class).plain(""));
        assertEquals(1, Counted.CHECKS.get());
    }
}
