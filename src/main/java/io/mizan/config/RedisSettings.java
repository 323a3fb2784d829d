package io.mizan.config;

import java.util.Optional;

/**
 * How the nodes of one application reach each other through Redis, from {@code mizan.channels.redis.*}.
 *
 * @param uri {@code mizan.channels.redis.uri} (or the environment variable {@code MIZAN_CHANNELS_REDIS_URI}):
 *     {@code redis://[:password@]host[:port][/database]}, or {@code rediss://} for TLS (none: channels,
 *     presence and live invalidation stay on this node, and nothing connects to Redis)
 * @param prefix {@code mizan.channels.redis.prefix}: what the application's Redis keys and pub/sub
 *     channel start with, so that applications can share one Redis (none: {@code mizan:} and the
 *     context root)
 * @param nodeTtlSeconds {@code mizan.channels.redis.node-ttl-seconds}: how long a node that stopped
 *     answering stays counted in presence on the others (15)
 */
public record RedisSettings(Optional<String> uri, Optional<String> prefix, int nodeTtlSeconds) {

    /** No Redis: one node. */
    public static final RedisSettings NONE = new RedisSettings(Optional.empty(), Optional.empty(), 15);

    /** Whether nodes relay through Redis. */
    public boolean enabled() {
        return uri.isPresent();
    }

    /** Whether Lettuce, the Redis client, can be loaded (Maven puts it in the WAR, unless excluded). */
    public static boolean clientPresent(ClassLoader loader) {
        try {
            Class.forName("io.lettuce.core.RedisClient", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String toString() { // never the password
        return "RedisSettings[uri=" + uri.map(RedisSettings::redact).orElse("none") + ", prefix=" + prefix
                + ", nodeTtlSeconds=" + nodeTtlSeconds + "]";
    }

    /**
     * The URI as it may be logged: its password (and user name) replaced by {@code ***}.
     *
     * <pre>{@code redact("redis://:s3cret@cache:6379/0")  // "redis://***@cache:6379/0"}</pre>
     */
    public static String redact(String uri) {
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = uri.lastIndexOf('@');
        if (at >= start) {
            uri = uri.substring(0, start) + "***" + uri.substring(at);
        }
        int query = uri.indexOf('?');
        if (query >= 0
                && uri.substring(query).toLowerCase(java.util.Locale.ROOT).contains("password")) {
            uri = uri.substring(0, query) + "?***";
        }
        return uri;
    }
}
