package io.mizan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/** A refusal carries a status, a message, field errors and, when given, a code for programs. */
class MizanExceptionTest {

    @Test
    void theFirstConstructorsHaveNoCode() {
        MizanException conflict = new MizanException(409, "Already shipped");
        assertEquals(409, conflict.status());
        assertEquals("Already shipped", conflict.getMessage());
        assertNull(conflict.code());
        assertEquals(List.of(), conflict.fieldErrors());
        assertNull(new MizanException(422, "Invalid", List.of(new FieldError("email", "taken"))).code());
    }

    @Test
    void aCodeIsKept() {
        MizanException shipped = MizanException.withCode(409, "ORDER_SHIPPED", "The order was already shipped");
        assertEquals(409, shipped.status());
        assertEquals("ORDER_SHIPPED", shipped.code());
        assertEquals("The order was already shipped", shipped.getMessage());
        MizanException full =
                new MizanException(422, "orders.invalid", "Invalid", List.of(new FieldError("qty", "too many")));
        assertEquals("orders.invalid", full.code());
        assertEquals("qty", full.fieldErrors().get(0).path());
        assertNull(new MizanException(400, null, "Bad", List.of()).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "line\nbreak", "quote\"", "é"})
    void aMalformedCodeIsRefused(String code) {
        assertThrows(IllegalArgumentException.class, () -> MizanException.withCode(409, code, "x"));
    }

    @Test
    void aCodeIsAtMost64Characters() {
        assertEquals(
                64, MizanException.withCode(400, "A".repeat(64), "x").code().length());
        assertThrows(IllegalArgumentException.class, () -> MizanException.withCode(400, "A".repeat(65), "x"));
    }

    @Test
    void theStatusIsAnErrorStatus() {
        assertThrows(IllegalArgumentException.class, () -> new MizanException(200, "fine"));
        assertThrows(IllegalArgumentException.class, () -> MizanException.withCode(302, "MOVED", "x"));
    }
}
