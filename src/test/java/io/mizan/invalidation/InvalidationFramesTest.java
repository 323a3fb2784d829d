package io.mizan.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class InvalidationFramesTest {

    @Test
    void nestedSuccessReachesTheOutermostFrame() {
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("a"));
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("b", "a"));
        assertEquals(List.of(), InvalidationFrames.close(true));
        assertEquals(List.of("a", "b"), InvalidationFrames.close(true));
        assertFalse(InvalidationFrames.active());
    }

    @Test
    void aFailedCallDropsItsKeysOnly() {
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("kept"));
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("dropped"));
        InvalidationFrames.close(false);
        assertEquals(List.of("kept"), InvalidationFrames.close(true));
    }

    @Test
    void aFailedOutermostCallProducesNoKeys() {
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("x"));
        assertEquals(List.of(), InvalidationFrames.close(false));
    }

    @Test
    void addingOutsideACallIsAnError() {
        assertThrows(IllegalStateException.class, () -> InvalidationFrames.add(List.of("x")));
    }
}
