package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.messages.LogCapture;
import io.mizan.messages.Messages;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.logging.LogRecord;

/** The application's own exception is found inside the containers' wrappers; anything else is a 500 with an id. */
class FailureTest {

    static final MizanException CONFLICT = new MizanException(409, "Already shipped");

    @Test
    void wrappersAreTakenOff() {
        assertSame(CONFLICT, Failure.unwrap(new InvocationTargetException(CONFLICT)));
        assertSame(CONFLICT, Failure.unwrap(new EJBException(new InvocationTargetException(CONFLICT))));
        EJBException ejb = new EJBException("rolled back");
        ejb.initCause(CONFLICT);
        assertSame(CONFLICT, Failure.unwrap(new UndeclaredThrowableException(ejb)));
        EJBTransactionRolledbackException sub = new EJBTransactionRolledbackException("tx", CONFLICT);
        assertSame(CONFLICT, Failure.unwrap(sub));
    }

    @Test
    void theUsersOwnWrappingIsKept() {
        RuntimeException mine = new IllegalStateException("mine", CONFLICT);
        assertSame(mine, Failure.unwrap(mine));
        assertSame(mine, Failure.unwrap(new InvocationTargetException(mine)));
        assertEquals(500, Failure.of(mine, "a test").status());
    }

    @Test
    void aMizanExceptionKeepsItsStatusMessageAndFields() {
        Failure f = Failure.of(
                new EJBException(new MizanException(422, "Invalid", List.of(new FieldError("email", "taken")))),
                "a test");
        assertEquals(422, f.status());
        assertEquals("Invalid", f.detail());
        assertEquals("email", f.errors().get(0).path());
        assertNull(f.id());
        assertNull(f.code());
    }

    @Test
    void aRefusalKeepsItsCode() {
        assertEquals(
                "ORDER_SHIPPED",
                Failure.of(new EJBException(MizanException.withCode(409, "ORDER_SHIPPED", "Already shipped")), "a test")
                        .code());
        Failure unknown = Failure.of(Messages.unknownFunction("nope"), "a test");
        assertEquals(404, unknown.status());
        assertEquals("MIZAN-100", unknown.code());
        assertEquals("There is no server function named 'nope'", unknown.detail());
    }

    @Test
    void anythingElseIsA500WithAnIdAndNothingOfTheCause() {
        Failure f = Failure.of(new IllegalStateException("password is hunter2"), "a test");
        assertEquals(500, f.status());
        assertNotNull(f.id());
        assertTrue(f.detail().contains(f.id()));
        assertFalse(f.detail().contains("hunter2"));
        assertEquals("MIZAN-121", f.code());
        assertEquals(500, Failure.of(new StackOverflowError(), "a test").status());
    }

    @Test
    void theLogLineStartsWithItsIdAndCarriesTheErrorIdAndTheCause() {
        try (LogCapture log = LogCapture.of(Failure.class.getName())) {
            IllegalStateException cause = new IllegalStateException("password is hunter2");
            Failure f = Failure.of(cause, "the call of rename");
            List<LogRecord> records = log.records();
            assertEquals(1, records.size());
            assertEquals(
                    "MIZAN-122 the call of rename failed, error id " + f.id(),
                    records.get(0).getMessage());
            assertSame(cause, records.get(0).getThrown());
        }
    }

    @Test
    void aWaitIsInTheBodyTooForAnswersWithoutHeaders() {
        jakarta.json.JsonObject answer = Failure.of(
                        MizanException.withCode(429, "SLOW", "Slow down").retryAfter(java.time.Duration.ofMillis(1500)))
                .addTo(jakarta.json.Json.createObjectBuilder())
                .build();
        assertEquals(2, answer.getInt("retryAfter"));
        jakarta.json.JsonObject none = Failure.of(MizanException.withCode(409, "TAKEN", "Taken"))
                .addTo(jakarta.json.Json.createObjectBuilder())
                .build();
        assertFalse(none.containsKey("retryAfter"));
    }

    @Test
    void aHandlersOwnFieldErrorIsAnsweredAsAFailedConstraintIs() {
        jakarta.json.JsonObject answer = Failure.of(MizanException.invalid("email", "is already registered"))
                .addTo(jakarta.json.Json.createObjectBuilder())
                .build();
        assertEquals(422, answer.getInt("status"));
        assertEquals("MIZAN-137", answer.getString("code"));
        assertEquals("Some arguments are not valid", answer.getString("detail"));
        assertEquals(
                "{\"path\":\"email\",\"message\":\"is already registered\"}",
                answer.getJsonArray("errors").getJsonObject(0).toString());
    }

    @Test
    void anAnswerListsAHundredFieldErrorsAtMostAndSaysHowManyThereWere() {
        List<FieldError> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(new FieldError(String.format("xs[%04d]", i), "must not be blank"));
        }
        jakarta.json.JsonObject answer = Failure.of(new MizanException(422, "Invalid arguments", many))
                .addTo(jakarta.json.Json.createObjectBuilder())
                .build();
        assertEquals(Failure.MAX_FIELD_ERRORS, answer.getJsonArray("errors").size());
        assertEquals("xs[0000]", answer.getJsonArray("errors").getJsonObject(0).getString("path"));
        assertEquals("xs[0099]", answer.getJsonArray("errors").getJsonObject(99).getString("path"));
        assertEquals("Invalid arguments (100 of 5000 field errors listed)", answer.getString("detail"));
        jakarta.json.JsonObject few = Failure.of(new MizanException(422, "Invalid arguments", many.subList(0, 100)))
                .addTo(jakarta.json.Json.createObjectBuilder())
                .build();
        assertEquals(100, few.getJsonArray("errors").size());
        assertEquals("Invalid arguments", few.getString("detail"));
    }

    @Test
    void titlesAreTheStandardReasonPhrases() {
        assertEquals("Unprocessable Content", StatusTitles.of(422));
        assertEquals("Content Too Large", StatusTitles.of(413));
        assertEquals("Client Error", StatusTitles.of(418));
        assertEquals("Server Error", StatusTitles.of(599));
    }
}
