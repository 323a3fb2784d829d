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

    @Test
    void aTagDependsOnTheKeyTheCallerAndTheBody() {
        ETags keyed = new ETags("k1");
        String tag = keyed.of(ANN, "{\"result\":1}");
        assertEquals(27, tag.length());
        assertEquals(tag, keyed.of(ANN, "{\"result\":1}"));
        assertEquals(tag, new ETags("k1").of(ANN, "{\"result\":1}"), "every node with the same key agrees");
        assertNotEquals(tag, keyed.of(SAM, "{\"result\":1}"));
        assertNotEquals(tag, keyed.of(null, "{\"result\":1}"));
        assertNotEquals(tag, keyed.of(ANN, "{\"result\":2}"));
        assertNotEquals(tag, new ETags("k2").of(ANN, "{\"result\":1}"));
        assertNotEquals(new ETags(null).of(ANN, "x"), new ETags(null).of(ANN, "x"), "no key: random per start");
    }

    @Test
    void ifNoneMatchAcceptsListsWeakTagsAndTheWildcard() {
        assertTrue(ETags.matches("\"abc\"", "abc"));
        assertTrue(ETags.matches("\"x\", W/\"abc\"", "abc"));
        assertTrue(ETags.matches("*", "abc"));
        assertFalse(ETags.matches("abc", "abc"));
        assertFalse(ETags.matches("\"abcd\"", "abc"));
        assertFalse(ETags.matches(null, "abc"));
    }
}
