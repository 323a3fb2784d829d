package io.mizan;

import java.security.Principal;
import java.util.Optional;

/**
 * One join of one socket to a channel, as its handler sees it. The user is the one the WebSocket
 * handshake authenticated (a session cookie or {@code Authorization}), never one a frame names.
 *
 * @param <M> the channel's message type
 */
public interface ChannelSession<M> {

    /** The socket's id, unique on this server while it is open. */
    String id();

    /** The signed-in user, or empty for an anonymous socket. */
    Optional<Principal> user();

    /** Whether the signed-in user has this container role. */
    boolean isUserInRole(String role);

    /** Sends a message to this join alone (a reply, a history on join), without waiting for it. */
    void send(M message);
}
