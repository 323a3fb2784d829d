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
    void framesWithoutKeysPassOnNothingAndTakeTheInnerOnesKeys() {
        assertEquals(List.of(), InvalidationFrames.current());
        InvalidationFrames.open();
        assertEquals(List.of(), InvalidationFrames.current());
        InvalidationFrames.open();
        assertEquals(List.of(), InvalidationFrames.close(true));
        InvalidationFrames.open();
        InvalidationFrames.add(List.of("inner"));
        assertEquals(List.of("inner"), InvalidationFrames.current());
        assertEquals(List.of(), InvalidationFrames.close(true));
        // the outer frame had no keys of its own until the inner one succeeded
        assertEquals(List.of("inner"), InvalidationFrames.current());
        assertEquals(List.of("inner"), InvalidationFrames.close(true));
        // a call without keys, and the next call on the thread starts with none
        InvalidationFrames.open();
        assertEquals(List.of(), InvalidationFrames.close(true));
        assertFalse(InvalidationFrames.active());
    }

    @Test
    void addingOutsideACallIsAnError() {
        assertThrows(IllegalStateException.class, () -> InvalidationFrames.add(List.of("x")));
    }
}
