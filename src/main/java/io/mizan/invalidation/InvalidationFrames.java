package io.mizan.invalidation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys produced by the server-function calls running on this thread. Each call opens a frame;
 * a call that succeeds hands its keys to the call around it, a call that fails drops them. The
 * outermost frame's keys are the answer's keys. Calls nest on one thread, so a thread-local stack
 * works for HTTP requests, scheduled jobs and webhooks alike.
 */
public final class InvalidationFrames {

    // this thread's open frames, innermost last; a frame is null until it gets a key, since most calls
    // (every read) get none. The list stays for the thread's next call, and holds only JDK classes, so
    // it keeps no application's class loader alive after an undeploy.
    private static final ThreadLocal<ArrayList<Set<String>>> FRAMES = ThreadLocal.withInitial(ArrayList::new);

    private InvalidationFrames() {}

    /** Work done inside a frame. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * The one frame routine: runs {@code work} in a new frame, and when this was the outermost frame
     * and the work succeeded, hands the frame's keys to {@code publisher} and returns them with the
     * result. An inner frame's keys go to the frame around it; a failed call's keys are dropped.
     */
    public static <T> Framed<T> run(Work<T> work, KeyPublisher publisher) throws Exception {
        open();
        boolean succeeded = false;
        T value;
        List<String> keys;
        try {
            value = work.run();
            succeeded = true;
        } finally {
            keys = close(succeeded);
        }
        if (!keys.isEmpty()) {
            publisher.publish(keys);
        }
        return new Framed<>(value, keys);
    }

    /**
     * What {@link #run} gives back.
     *
     * @param value what the work returned
     * @param keys the keys of the outermost frame; empty for an inner frame
     */
    public record Framed<T>(T value, List<String> keys) {}

    /** Opens a frame for a call. */
    public static void open() {
        FRAMES.get().add(null);
    }

    /** Whether a call is running on this thread. */
    public static boolean active() {
        return !FRAMES.get().isEmpty();
    }

    /** Adds keys to the innermost frame. */
    public static void add(Iterable<String> keys) {
        ArrayList<Set<String>> frames = FRAMES.get();
        if (frames.isEmpty()) {
            throw new IllegalStateException("no server-function call is running on this thread");
        }
        int innermost = frames.size() - 1;
        Set<String> frame = frames.get(innermost);
        if (frame == null) {
            frame = new LinkedHashSet<>();
            frames.set(innermost, frame);
        }
        keys.forEach(frame::add);
    }

    /** The keys of the innermost frame so far. */
    public static List<String> current() {
        ArrayList<Set<String>> frames = FRAMES.get();
        Set<String> frame = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        return frame == null ? List.of() : List.copyOf(frame);
    }

    /**
     * Closes the innermost frame.
     *
     * @param succeeded whether the call succeeded; a failed call's keys are dropped
     * @return the frame's keys when it was the outermost frame and the call succeeded, else an empty list
     */
    public static List<String> close(boolean succeeded) {
        ArrayList<Set<String>> frames = FRAMES.get();
        Set<String> frame = frames.remove(frames.size() - 1);
        if (!succeeded || frame == null) {
            return List.of();
        }
        if (frames.isEmpty()) {
            return List.copyOf(frame);
        }
        add(frame);
        return List.of();
    }
}
