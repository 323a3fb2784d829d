package io.mizan.cluster;

import io.mizan.messages.Messages;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread the relay's work runs on, in the order it was handed over, with a timer for what
 * comes later. The backlog is bounded: when it is full, newer work is dropped, and the next payload
 * heard asks this node's pages to resync ({@link #overflowed()}).
 */
final class RelayApplier {

    // logged under the relay's name, where its other lines are
    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());

    /** Events from other nodes that may wait to be applied before newer ones are dropped. */
    static final int BACKLOG = 65_536;

    private final ThreadPoolExecutor applier;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier closed;
    private final AtomicBoolean overflowed = new AtomicBoolean();

    /** @param closed whether the relay closed: then nothing more is applied */
    RelayApplier(BooleanSupplier closed) {
        this.closed = closed;
        this.applier = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), daemon("mizan-relay"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("mizan-relay-timer"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs the task on the thread and waits for it, up to 10 seconds. */
    void applyNow(Runnable task) {
        try {
            applier.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the connection keeps being retried in the background
        }
    }

    /** Queues the task behind the others; a failure is logged, not thrown. */
    void apply(Runnable task) {
        if (closed.getAsBoolean()) {
            return;
        }
        try {
            applier.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "relay task failed", e);
                }
            });
        } catch (RejectedExecutionException full) {
            if (!applier.isShutdown() && overflowed.compareAndSet(false, true)) {
                LOG.warning(Messages.relayBacklogFull(BACKLOG));
            }
        }
    }

    /** Queues the task after a delay. */
    void applyAfter(long delayMillis, Runnable task) {
        timer.schedule(() -> apply(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Queues the task every {@code periodMillis}, the first time after one period. */
    void applyEvery(long periodMillis, Runnable task) {
        timer.scheduleWithFixedDelay(() -> apply(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether work was dropped since the last time this was asked. */
    boolean overflowed() {
        return overflowed.compareAndSet(true, false);
    }

    /** Stops both threads; queued work is dropped. */
    void shutdown() {
        timer.shutdownNow();
        applier.shutdownNow();
    }
}
