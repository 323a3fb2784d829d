package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.security.Principal;

/** Tags are stable for one key, caller and body, and differ when any of them does. */
class ETagsTest {

    static final Principal ANN = () -> "ann";
    static final Principal SAM = () -> "sam";

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aTagDependsOnTheKeyTheCallerAndTheBody() {
        ETags keyed = new ETags("k1");
        String tag = keyed.of(ANN, bytes("{\"result\":1}"));
        assertEquals(27, tag.length());
        assertEquals(tag, keyed.of(ANN, bytes("{\"result\":1}")));
        assertEquals(tag, new ETags("k1").of(ANN, bytes("{\"result\":1}")), "every node with the same key agrees");
        assertNotEquals(tag, keyed.of(SAM, bytes("{\"result\":1}")));
        assertNotEquals(tag, keyed.of(null, bytes("{\"result\":1}")));
        assertNotEquals(tag, keyed.of(ANN, bytes("{\"result\":2}")));
        assertNotEquals(tag, new ETags("k2").of(ANN, bytes("{\"result\":1}")));
        assertNotEquals(
                new ETags(null).of(ANN, bytes("x")), new ETags(null).of(ANN, bytes("x")), "no key: random per start");
    }

    @Test
    void ifNoneMatchAcceptsListsWeakTagsAndTheWildcard() {
        assertTrue(ETags.matches("\"abc\"", "abc"));
        assertTrue(ETags.matches("\"x\", W/\"abc\"", "abc"));
        assertTrue(ETags.matches("*", "abc"));
        assertFalse(ETags.matches("abc", "abc"));
        assertFalse(ETags.matches("\"abcd\"", "abc"));
        assertFalse(ETags.matches(null, "abc"));
        assertTrue(ETags.matches("  W/\"abc\"  ", "abc"));
        assertTrue(ETags.matches("\"a\",,\"abc\"", "abc"));
        assertFalse(ETags.matches("", "abc"));
        assertFalse(ETags.matches(",", "abc"));
        assertFalse(ETags.matches("\"abc", "abc"));
        assertFalse(ETags.matches("abc\"", "abc"));
        assertFalse(ETags.matches("W/", "abc"));
        assertFalse(ETags.matches("**", "abc"));
        assertTrue(ETags.matches("\"\"", ""));
    }
}
