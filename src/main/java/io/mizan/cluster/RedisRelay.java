package io.mizan.cluster;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.mizan.channels.NodeRelay;
import io.mizan.config.RedisSettings;
import io.mizan.messages.Messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nodes of one application told of each other's broadcasts, invalidations and presence through
 * Redis: one pub/sub channel ({@code <prefix>:bus}) that every node publishes to and subscribes to once,
 * a hash of every node's presence counts ({@code <prefix>:presence}, read by a node that starts or
 * comes back) and a key per living node ({@code <prefix>:node:<id>}) with a time to live that the node
 * refreshes; a node whose key expired is gone, and its members leave presence everywhere.
 *
 * <p>What other nodes publish is applied on one thread, in the order it arrived. When Redis cannot be
 * reached the node serves its own sockets and connects again with backoff (250 ms doubling to 5 s),
 * subscribes again, reads presence again, tells its own again, and asks its pages to resync: what was published
 * meanwhile is lost (at most once).
 */
public final class RedisRelay implements NodeRelay {

    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());

    /** Events from other nodes that may wait to be applied before newer ones are dropped. */
    static final int BACKLOG = 65_536;

    private final String redacted;
    private final String bus;
    private final PresenceHash presence;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final int ttlSeconds;
    private final RedisURI redisUri;
    private final ClientResources resources;
    private final RedisClient client;
    private final ThreadPoolExecutor applier;
    private final ScheduledExecutorService timer;
    private final RemotePresence remote = new RemotePresence();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    private volatile Local local;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;
    // read and written on the applier thread only
    private boolean reachable;
    private boolean everReached;
    private long lostAt;
    private long retryMillis = 250;

    /**
     * A relay through the Redis of {@code settings}; nothing connects until {@link #start}.
     *
     * @param defaultPrefix the prefix when the settings name none: {@code mizan:} and the context root
     */
    public RedisRelay(RedisSettings settings, String defaultPrefix) {
        String uri = settings.uri().orElseThrow();
        this.redisUri = LettuceClients.uri(uri);
        this.redacted = RedisSettings.redact(uri);
        String prefix = settings.prefix().orElse(defaultPrefix);
        this.bus = prefix + ":bus";
        this.presence = new PresenceHash(prefix, node);
        this.ttlSeconds = settings.nodeTtlSeconds();
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .build();
        this.client = LettuceClients.create(resources, redisUri);
        client.addListener(new ConnectionWatch());
        this.applier = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), daemon("mizan-relay"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("mizan-relay-timer"));
        LOG.info(Messages.relayStarted(redacted, prefix, node));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void start(Local local) {
        this.local = local;
        // the first connection is made here, so that what this node publishes right after reaches the others
        applyNow(this::connect);
        timer.scheduleWithFixedDelay(
                () -> apply(this::heartbeat), heartbeatMillis(), heartbeatMillis(), TimeUnit.MILLISECONDS);
    }

    private long heartbeatMillis() {
        return Math.max(200, ttlSeconds * 1000L / 3);
    }

    private void applyNow(Runnable task) {
        try {
            applier.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the connection keeps being retried in the background
        }
    }

    private void apply(Runnable task) {
        if (closed) {
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

    // ---- connection ---------------------------------------------------------------------------------

    private void connect() {
        if (closed || subscription != null) {
            return;
        }
        StatefulRedisConnection<String, String> c = null;
        try {
            // bounded: a route that drops packets would leave a plain connect() waiting for ever
            c = LettuceClients.within(client.connectAsync(StringCodec.UTF8, redisUri));
            StatefulRedisPubSubConnection<String, String> s =
                    LettuceClients.within(client.connectPubSubAsync(StringCodec.UTF8, redisUri));
            s.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String payload) {
                    if (bus.equals(channel)) {
                        apply(() -> heard(payload));
                    }
                }
            });
            s.sync().subscribe(bus);
            commands = c;
            subscription = s;
            reached();
        } catch (RuntimeException e) {
            if (c != null) {
                c.closeAsync();
            }
            lost(e);
            reachable = false;
            long delay = retryMillis;
            retryMillis = Math.min(retryMillis * 2, 5000);
            if (!closed) {
                timer.schedule(() -> apply(this::connect), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Hears a connection drop at once, rather than at the next heartbeat. */
    private final class ConnectionWatch implements RedisConnectionStateListener {
        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if ((connection == subscription || connection == commands) && !closed) {
                apply(() -> {
                    if (connection == subscription || connection == commands) { // not dropped already
                        reset(new RedisException("the connection closed"));
                    }
                });
            }
        }
    }

    private void lost(Exception reason) {
        if (reachable || !everReached && lostAt == 0) {
            lostAt = System.currentTimeMillis();
            LOG.warning(Messages.relayLost(redacted, LettuceClients.describe(reason)));
        }
        reachable = false;
    }

    /** Connected, first or again: tell the others who is here, learn who is there, resync after a gap. */
    private void reached() {
        if (reachable) {
            return;
        }
        boolean gap = lostAt != 0;
        reachable = true;
        retryMillis = 250;
        heartbeat();
        reloadPresence();
        if (gap) {
            LOG.info(Messages.relayBack(redacted, System.currentTimeMillis() - lostAt));
            lostAt = 0;
            if (everReached) {
                local.resync();
            }
        }
        everReached = true;
        lostAt = 0;
    }

    // ---- what this node tells ------------------------------------------------------------------------

    @Override
    public void message(String channel, String group, String dataJson) {
        publish(new RelayPayload.Message(node, channel, group, dataJson));
    }

    @Override
    public void invalidation(List<String> keys) {
        publish(new RelayPayload.Invalidation(node, keys));
    }

    @Override
    public void presence(String channel, String group, String user, int sockets) {
        tellPresence(channel, group, user, sockets);
    }

    private void tellPresence(String channel, String group, String user, int sockets) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null) {
            return; // told when connected
        }
        long seq = changes.incrementAndGet();
        presence.write(c.async(), channel, group, user, sockets, seq);
        publish(new RelayPayload.PresenceCount(node, channel, group, user, sockets, seq));
    }

    private void publish(RelayPayload payload) {
        StatefulRedisConnection<String, String> c = commands;
        if (c != null && !closed) {
            c.async().publish(bus, RelayPayload.write(payload)); // refused at once while Redis is away
        }
    }

    @Override
    public Map<String, Integer> remotePresence(String channel, String group) {
        return remote.totals(channel, group);
    }

    // ---- what this node hears ------------------------------------------------------------------------

    private long lastUnreadableLog;

    private void heard(String text) {
        if (overflowed.compareAndSet(true, false)) {
            local.resync();
        }
        RelayPayload payload;
        try {
            payload = RelayPayload.read(text);
        } catch (RelayPayload.Unreadable e) {
            long now = System.currentTimeMillis();
            if (now - lastUnreadableLog > 60_000) {
                lastUnreadableLog = now;
                LOG.warning(Messages.relayPayloadUnreadable(e.getMessage()));
            }
            return;
        }
        if (payload.node().equals(node)) {
            return; // this node's own: delivered here when it was sent
        }
        if (payload instanceof RelayPayload.Message m) {
            local.message(m.channel(), m.group(), m.dataJson());
        } else if (payload instanceof RelayPayload.Invalidation i) {
            local.invalidation(i.keys());
        } else if (payload instanceof RelayPayload.PresenceCount p) {
            tell(remote.apply(
                    new RemotePresence.Count(p.node(), p.channel(), p.group(), p.user(), p.sockets(), p.seq())));
        } else {
            tell(remote.dropNode(payload.node()));
        }
    }

    private void tell(List<RemotePresence.Change> changes) {
        for (RemotePresence.Change change : changes) {
            local.remotePresence(change.channel(), change.group(), change.user(), change.sockets());
        }
    }

    // ---- presence in Redis ---------------------------------------------------------------------------

    /**
     * Refreshes this node's key, makes sure the subscription still answers, and forgets the nodes
     * whose key expired. A failure (Redis away, or a route that drops packets and only times out)
     * drops both connections and connects again from scratch.
     */
    private void heartbeat() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        if (c == null || s == null || closed) {
            return;
        }
        try {
            RedisCommands<String, String> redis = c.sync();
            presence.refresh(redis, ttlSeconds);
            s.sync().ping();
            if (!reachable) { // a command had timed out while the connection stayed up
                reached();
            }
            for (String other : remote.nodes()) {
                if (!presence.alive(redis, other)) {
                    tell(remote.dropNode(other));
                    presence.remove(redis, other);
                }
            }
        } catch (RuntimeException e) {
            reset(e);
        }
    }

    private void reset(RuntimeException reason) {
        lost(reason);
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        commands = null;
        subscription = null;
        if (c != null) {
            c.closeAsync();
        }
        if (s != null) {
            s.closeAsync();
        }
        connect();
    }

    /**
     * Reads every living node's presence (after a gap, changes heard meanwhile are lost) and tells
     * this node's own again.
     */
    private void reloadPresence() {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null) {
            return;
        }
        try {
            List<RemotePresence.Count> counts = presence.read(c.sync());
            tell(remote.replace(counts));
            local.forEachPresence(this::tellPresence);
        } catch (RuntimeException e) {
            LOG.warning(Messages.relayPresenceNotLoaded(LettuceClients.describe(e)));
        }
    }

    // ---- stop ----------------------------------------------------------------------------------------

    @Override
    public void close() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, String> c = commands;
        if (c != null) {
            try { // leave at once rather than after the time to live
                c.async().publish(bus, RelayPayload.write(new RelayPayload.Gone(node)));
                presence.leave(c.sync());
            } catch (RuntimeException e) {
                // Redis away: the others forget this node when its key expires
            }
        }
        closed = true;
        timer.shutdownNow();
        applier.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
