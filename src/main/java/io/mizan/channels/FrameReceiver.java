package io.mizan.channels;

import io.mizan.invoke.Failure;
import io.mizan.invoke.Invoker;
import io.mizan.messages.Messages;
import io.mizan.telemetry.Kind;
import io.mizan.telemetry.Observation;
import io.mizan.telemetry.Telemetry;

import java.util.function.Consumer;

/**
 * Takes a client's text frame: reads it, observes it, runs it as the socket's caller, and answers a
 * failure with an error frame the way a call's becomes a problem. A socket that keeps sending bad
 * frames (malformed or refused, other than for its rate) is closed.
 */
final class FrameReceiver {

    /** WebSocket close code 1008, "policy violation": a client that keeps sending bad frames. */
    static final int POLICY_VIOLATION = 1008;

    /** Consecutive malformed or refused frames after which a socket is closed. */
    static final int STRIKES = 10;

    private final Invoker invoker;
    private final FrameActions actions;
    private final Consumer<ChannelSocket> close;

    /** @param close ends a socket's joins once its transport is closed */
    FrameReceiver(Invoker invoker, FrameActions actions, Consumer<ChannelSocket> close) {
        this.invoker = invoker;
        this.actions = actions;
        this.close = close;
    }

    /** A text frame from the client of an open socket. */
    void receive(ChannelSocket socket, String text) {
        if (socket.closed) {
            return; // closed by the hub (abuse, too slow); the container may still deliver what it read
        }
        ChannelFrames.ClientFrame frame;
        try {
            frame = ChannelFrames.read(text);
        } catch (ChannelFrames.Unreadable e) {
            refuse(socket, e.ref, Failure.of(e.problem, "a frame"));
            return;
        }
        Observation seen = observe(socket, frame);
        int status = 500;
        try {
            ChannelFrames.ClientFrame read = frame;
            // handlers run as the socket's caller, so functions they call are checked against it
            invoker.runAs(socket.caller, () -> {
                if (read instanceof ChannelFrames.Join join) {
                    actions.join(socket, join);
                } else if (read instanceof ChannelFrames.Send send) {
                    actions.send(socket, send);
                } else {
                    actions.leave(socket, read.ref());
                }
                return null;
            });
            status = 200;
            socket.forgive();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            Failure failure = Failure.of(t, "a frame of the socket " + socket.id);
            status = failure.status();
            refuse(socket, frame.ref(), failure);
        } finally {
            seen.end(status);
        }
    }

    /** A join is observed by the channel it names, a message by the channel of its join; a leave is not. */
    private Observation observe(ChannelSocket socket, ChannelFrames.ClientFrame frame) {
        Telemetry telemetry = invoker.telemetry();
        if (!telemetry.on()) {
            return Observation.NONE;
        }
        if (frame instanceof ChannelFrames.Join join) {
            return telemetry.start(Kind.JOIN, join.channel());
        }
        if (frame instanceof ChannelFrames.Send) {
            Membership membership = socket.joins.get(frame.ref());
            return membership == null
                    ? Observation.NONE
                    : telemetry.start(Kind.RECEIVE, membership.channel().name());
        }
        return Observation.NONE;
    }

    /** A binary frame: the protocol is JSON text, so it is refused as a malformed frame is, unread. */
    void receiveBinary(ChannelSocket socket) {
        if (!socket.closed) {
            refuse(
                    socket,
                    null,
                    Failure.of(Messages.badFrame("Frames are JSON text: a binary frame is not read"), "a frame"));
        }
    }

    private void refuse(ChannelSocket socket, String ref, Failure failure) {
        socket.send(ChannelFrames.error(ref, failure));
        // the server's own failures are not the client's, and a 429 asks it to slow down: neither is a strike
        if (failure.status() < 500 && failure.status() != 429 && socket.strike(STRIKES)) {
            socket.transport.close(POLICY_VIOLATION, "too many bad frames");
            close.accept(socket);
        }
    }
}
