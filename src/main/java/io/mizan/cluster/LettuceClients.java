package io.mizan.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.resource.ClientResources;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How the relay uses Lettuce: the client's options, connecting within a bound, and errors fit for a log. */
final class LettuceClients {

    /** How long connecting may take, the handshake included. */
    static final int CONNECT_SECONDS = 4;

    private LettuceClients() {}

    /** The URI as Lettuce reads it; commands time out after 3 s unless it says otherwise. */
    static RedisURI uri(String uri) {
        RedisURI redisUri = RedisURI.create(uri);
        if (!uri.contains("timeout=")) {
            redisUri.setTimeout(Duration.ofSeconds(3));
        }
        return redisUri;
    }

    /** A client of this URI. */
    static RedisClient create(ClientResources resources, RedisURI redisUri) {
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                // one way back, the relay's: it logs once and reads presence again (Lettuce's own
                // reconnection would log every attempt)
                .autoReconnect(false)
                // published while Redis is away: refused at once, not queued without bound and sent late
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .keepAlive(true)
                        .build())
                .build());
        return client;
    }

    /** Waits for a connection at most {@value #CONNECT_SECONDS} s: a route that drops packets would leave it waiting for ever. */
    static <T extends StatefulConnection<?, ?>> T within(ConnectionFuture<T> future) {
        try {
            return future.get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new RedisException("interrupted while connecting");
        } catch (TimeoutException e) {
            future.cancel(true);
            future.thenAccept(StatefulConnection::closeAsync); // should it connect after all
            throw new RedisException("no answer within " + CONNECT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RedisException(e.getCause());
        }
    }

    /** The root cause's message, never with a password, whatever the driver put in it. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("://[^@\\s]*@", "://***@");
    }
}
