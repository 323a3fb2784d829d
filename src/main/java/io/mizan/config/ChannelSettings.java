package io.mizan.config;

/**
 * How the page's WebSocket behaves, from {@code mizan.channels.*}.
 *
 * @param enabled {@code mizan.channels.enabled}: whether the WebSocket endpoint is registered ({@code true})
 * @param path {@code mizan.channels.path}: its path under the context root ({@code /mizan/ws})
 * @param maxFrameBytes {@code mizan.channels.max-frame-bytes}: the largest frame a client may send; a
 *     larger one closes the socket with 1009 (64 KiB)
 * @param maxJoins {@code mizan.channels.max-joins}: joins one socket may hold (50)
 * @param maxMessagesPerSecond {@code mizan.channels.max-messages-per-second}: sends one socket may make (20)
 * @param sendQueue {@code mizan.channels.send-queue}: frames queued for one socket before it is closed
 *     with 1013 as too slow (256)
 * @param sendWindowBytes {@code mizan.channels.send-window-bytes}: bytes sent to a socket before it must
 *     answer a ping to get more (1 MiB)
 * @param redis {@code mizan.channels.redis.*}: the Redis through which nodes share groups, presence and
 *     invalidations (none: this node alone)
 */
public record ChannelSettings(
        boolean enabled,
        String path,
        int maxFrameBytes,
        int maxJoins,
        int maxMessagesPerSecond,
        int sendQueue,
        int sendWindowBytes,
        RedisSettings redis) {

    /** The defaults. */
    public static final ChannelSettings DEFAULTS =
            new ChannelSettings(true, "/mizan/ws", 64 * 1024, 50, 20, 256, 1024 * 1024, RedisSettings.NONE);
}
