package io.mizan.bench.channels;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one side of the inbound benchmark received: how many messages, the sum of their sequence numbers
 * (the driver checks both, so a message lost, doubled or mangled shows), and when the last one arrived
 * ({@code System.nanoTime()}, the driver's clock too).
 */
public final class Received {

    private final LongAdder count = new LongAdder();
    private final LongAdder seqSum = new LongAdder();
    private volatile long lastAt;

    void add(Tick tick) {
        seqSum.add(tick.seq());
        count.increment();
        lastAt = System.nanoTime();
    }

    /** "count seqSum lastAt". */
    @Override
    public String toString() {
        return count.sum() + " " + seqSum.sum() + " " + lastAt;
    }
}
