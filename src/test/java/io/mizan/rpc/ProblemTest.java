package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.invoke.Failure;
import io.mizan.messages.Messages;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** The one writer of problem bodies: RFC 9457 members, then the extension members code, errors and id. */
class ProblemTest {

    @Test
    void aCatalogRefusalCarriesItsIdAsTheCode() {
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"There is no server function named 'x'\",\"code\":\"MIZAN-100\"}",
                Problem.json(Failure.of(Messages.unknownFunction("x"))));
    }

    @Test
    void aRefusalWithoutACodeHasNoCodeMember() {
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Already shipped\"}",
                Problem.json(Failure.of(new MizanException(409, "Already shipped"))));
    }

    @Test
    void fieldErrorsAndTheErrorIdFollowTheCode() {
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
                        + "\"detail\":\"Some arguments are not valid\",\"code\":\"MIZAN-137\","
                        + "\"errors\":[{\"path\":\"name\",\"message\":\"must not be blank\"}]}",
                Problem.json(
                        Failure.of(Messages.argumentsNotValid(List.of(new FieldError("name", "must not be blank"))))));
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                        + "\"detail\":\"The server failed to answer. Quote error id e1 when reporting it.\","
                        + "\"code\":\"MIZAN-121\",\"id\":\"e1\"}",
                Problem.json(new Failure(500, Messages.serverFailed("e1").getMessage(), List.of(), "e1", "MIZAN-121")));
    }

    @Test
    void theApplicationsOwnCodeIsWritten() {
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Already shipped\","
                        + "\"code\":\"ORDER_SHIPPED\"}",
                Problem.json(Failure.of(MizanException.withCode(409, "ORDER_SHIPPED", "Already shipped"))));
    }

    @Test
    void theAnswerCarriesTheStatusItsReasonPhraseAndTheProblemBody() {
        Response answer = Problem.response(Messages.argumentsNotValid(List.of(new FieldError("name", "blank"))))
                .build();
        assertEquals(422, answer.getStatus());
        assertEquals("Unprocessable Content", answer.getStatusInfo().getReasonPhrase());
        assertEquals(Response.Status.Family.CLIENT_ERROR, answer.getStatusInfo().getFamily());
        assertEquals("application/problem+json", answer.getHeaderString("Content-Type"));
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
        assertEquals(
                Problem.json(Failure.of(Messages.argumentsNotValid(List.of(new FieldError("name", "blank"))))),
                EndpointsTest.text(answer));
        assertNull(answer.getHeaderString("Retry-After"));
        assertNull(answer.getHeaderString("Connection"));
    }

    @Test
    void aRefusalThatAsksToWaitSaysHowLong() {
        Response answer = Problem.response(
                        MizanException.withCode(429, "TOO_FAST", "Slow down").retryAfter(Duration.ofMillis(1500)))
                .build();
        assertEquals(429, answer.getStatus());
        assertEquals("2", answer.getHeaderString("Retry-After"));
    }

    @Test
    void anOversizeBodyClosesTheConnection() {
        Response answer = Problem.response(Messages.bodyTooLarge(10)).build();
        assertEquals(413, answer.getStatus());
        assertEquals("close", answer.getHeaderString("Connection"));
        assertEquals(Response.Status.Family.CLIENT_ERROR, answer.getStatusInfo().getFamily());
    }

    @Test
    void aServerFailureIsOfTheServerErrorFamily() {
        Response answer =
                Problem.response(new Failure(500, "failed", List.of(), "e1")).build();
        assertEquals(500, answer.getStatus());
        assertEquals("Internal Server Error", answer.getStatusInfo().getReasonPhrase());
        assertEquals(Response.Status.Family.SERVER_ERROR, answer.getStatusInfo().getFamily());
    }
}
