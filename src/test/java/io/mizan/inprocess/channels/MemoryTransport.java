package io.mizan.inprocess.channels;

import io.mizan.channels.SocketTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A WebSocket connection in memory: it records every frame handed to it and every close. A prompt
 * transport completes each send at once, like a client that reads; a holding one keeps the
 * completions, like a client that stopped reading, until {@link #release()}.
 */
public final class MemoryTransport implements SocketTransport {

    /** A close the server asked for. */
    public record Close(int code, String reason) {}

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Close> closes = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Consumer<Throwable>> held = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;

    private MemoryTransport(boolean holding) {
        this.holding = holding;
    }

    /** A client that reads everything at once. */
    public static MemoryTransport prompt() {
        return new MemoryTransport(false);
    }

    /** A client that stopped reading: every send stays on its way. */
    public static MemoryTransport holding() {
        return new MemoryTransport(true);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        sent.add(text);
        if (holding) {
            held.add(done);
        } else {
            done.accept(null);
        }
    }

    /** Pings sent, in order (a prompt client's pongs are the test's to give). */
    public final List<byte[]> pings = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean ping(byte[] payload) {
        pings.add(payload);
        return closes.isEmpty();
    }

    /** Open until closed, by the server or by {@link #reset}. */
    @Override
    public boolean isOpen() {
        return closes.isEmpty() && !reset;
    }

    private volatile boolean reset;

    /** The connection is reset and the container never says so: no close event reaches the hub. */
    public void reset() {
        reset = true;
    }

    @Override
    public void close(int code, String reason) {
        closes.add(new Close(code, reason));
    }

    /** The client reads again: completes what is on its way, and every send from now on. */
    public void release() {
        holding = false;
        Consumer<Throwable> done;
        while ((done = held.poll()) != null) {
            done.accept(null);
        }
    }

    /** Every frame handed to this connection, in order. */
    public List<String> sent() {
        return new ArrayList<>(sent);
    }

    /** Sends handed over but not completed. */
    public int pending() {
        return held.size();
    }

    /** Every close asked for, in order. */
    public List<Close> closes() {
        return new ArrayList<>(closes);
    }

    /** The code of the first close, or {@code null} while open. */
    public Integer closeCode() {
        return closes.isEmpty() ? null : closes.get(0).code();
    }
}
