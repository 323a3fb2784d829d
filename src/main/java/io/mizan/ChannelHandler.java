package io.mizan;

/**
 * What a {@link Channel} does: who may join, which group a join belongs to, and what happens to a
 * message a client sends. Parameters ({@code P}, a record) and messages ({@code M}, one type for both
 * directions) are JSON, validated with Bean Validation on the way in (a failure is an error frame with
 * status 422 and field errors).
 *
 * @param <P> the join parameters: a record ({@code record Room(String room)})
 * @param <M> the message type
 */
public interface ChannelHandler<P, M> {

    /**
     * Whether this socket may join with these parameters. {@code false} answers an error frame with
     * status 403, or 401 when nobody is signed in.
     */
    boolean authorize(P params, ChannelSession<M> session);

    /** The group this join belongs to: every member of a group receives what is sent to it. */
    String group(P params);

    /**
     * A message a client sent on its join. By default clients may not send (an error frame with
     * status 405); a handler that relays calls the {@link Broadcaster}. A {@link MizanException}
     * thrown here answers an error frame with its status.
     */
    default void receive(P params, M message, ChannelSession<M> session) {
        throw MizanException.withCode(405, "MIZAN-178", "This channel takes no messages from clients");
    }
}
