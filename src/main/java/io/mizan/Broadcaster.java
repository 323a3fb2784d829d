package io.mizan;

/**
 * Sends messages to a channel's group from any bean: a {@code @Client} mutation, a scheduled job, a
 * channel's own {@link ChannelHandler#receive}. The message is encoded once and queued to every member
 * socket; a slow socket never holds up the others.
 *
 * <pre>{@code
 * @Inject Broadcaster broadcaster;
 *
 * @Client
 * public void announce(@NotBlank String text) {
 *     broadcaster.send(ChatChannel.class, "chat_lobby", new ChatMessage(text, "system"));
 * }
 * }</pre>
 */
public interface Broadcaster {

    /**
     * Sends a message to every socket joined to {@code group} of this channel.
     *
     * @param channel the channel's handler class, which fixes the message type
     * @param group a group its {@link ChannelHandler#group} returns
     * @param message the message, encoded as JSON once
     */
    <M> void send(Class<? extends ChannelHandler<?, M>> channel, String group, M message);
}
