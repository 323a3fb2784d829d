package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.invoke.Failure;
import io.mizan.messages.Messages;
import org.junit.jupiter.api.Test;

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
}
