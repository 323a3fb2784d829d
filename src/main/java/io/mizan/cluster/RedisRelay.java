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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    private final String redacted;
    private final String bus;
    private final PresenceHash presence;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final int ttlSeconds;
    private final RedisURI redisUri;
    private final ClientResources resources;
    private final RedisClient client;
    private final RelayApplier applier;
    private final Reachability reachability;
    private final RemotePresence remote = new RemotePresence();
    private final AtomicLong changes = new AtomicLong();

    private volatile Local local;
    private volatile RelayInbox inbox;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;
    // read and written on the applier thread only
    private long retryMillis = 250;
    /**
     * Nodes this node knows members of whose key it found missing when it came back (Redis may have
     * restarted empty before they could tell it again), with when their time to live to do so ends.
     */
    private final Map<String, Long> unconfirmed = new HashMap<>();
    /**
     * Of those, the ones a beat found back (their key is there): at the next beat, a whole beat later,
     * they have told their members again.
     */
    private final Set<String> returning = new HashSet<>();

    /**
     * A relay through the Redis of {@code settings}; nothing connects until {@link #start}.
     *
     * @param defaultPrefix the prefix when the settings name none: {@code mizan:} and the context root
     */
    public RedisRelay(RedisSettings settings, String defaultPrefix) {
        String uri = settings.uri().orElseThrow();
        this.redisUri = LettuceClients.uri(uri);
        this.redacted = RedisSettings.redact(uri);
        this.reachability = new Reachability(redacted);
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
        this.applier = new RelayApplier(() -> closed);
        LOG.info(Messages.relayStarted(redacted, prefix, node));
    }

    @Override
    public void start(Local local) {
        this.local = local;
        this.inbox = new RelayInbox(node, local, remote, applier::overflowed);
        // the first connection is made here, so that what this node publishes right after reaches the others
        applier.applyNow(this::connect);
        applier.applyEvery(heartbeatMillis(), this::heartbeat);
    }

    private long heartbeatMillis() {
        return Math.max(200, ttlSeconds * 1000L / 3);
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
                        applier.apply(() -> inbox.heard(payload));
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
            reachability.lost(e);
            long delay = retryMillis;
            retryMillis = Math.min(retryMillis * 2, 5000);
            if (!closed) {
                applier.applyAfter(delay, this::connect);
            }
        }
    }

    /** Hears a connection drop at once, rather than at the next heartbeat. */
    private final class ConnectionWatch implements RedisConnectionStateListener {
        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if ((connection == subscription || connection == commands) && !closed) {
                applier.apply(() -> {
                    if (connection == subscription || connection == commands) { // not dropped already
                        reset(new RedisException("the connection closed"));
                    }
                });
            }
        }
    }

    /** Connected, first or again: tell the others who is here, learn who is there, resync after a gap. */
    private void reached() {
        if (reachability.reachable()) {
            return;
        }
        boolean gap = reachability.reached();
        retryMillis = 250;
        beat(true);
        reloadPresence();
        if (reachability.settled(gap)) {
            local.resync();
        }
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

    // ---- presence in Redis ---------------------------------------------------------------------------

    /**
     * Refreshes this node's key, makes sure the subscription still answers, and forgets the nodes
     * whose key expired. A failure (Redis away, or a route that drops packets and only times out)
     * drops both connections and connects again from scratch.
     */
    private void heartbeat() {
        beat(false);
    }

    /**
     * @param connecting whether this node is connecting (again): it then reads who is alive and announces
     *     all next, so neither its own key found expired nor the others' keys are news
     */
    private void beat(boolean connecting) {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        if (c == null || s == null || closed) {
            return;
        }
        try {
            RedisCommands<String, String> redis = c.sync();
            boolean kept = presence.refresh(redis, ttlSeconds);
            s.sync().ping();
            if (connecting) {
                return; // who is alive is read next
            }
            if (!reachability.reachable()) { // a command had timed out while the connection stayed up
                reached();
            } else if (!kept) {
                // paused past the time to live with the connection up: the others dropped this node's
                // members, and what they sent meanwhile may be lost
                LOG.warning(Messages.relayNodeLapsed(ttlSeconds));
                reloadPresence();
                local.resync();
            }
            Set<String> known = remote.nodes();
            unconfirmed.keySet().retainAll(known);
            returning.retainAll(known);
            for (String other : known) {
                boolean alive = presence.alive(redis, other);
                Long deadline = unconfirmed.get(other);
                if (deadline == null ? !alive : !alive && System.nanoTime() - deadline > 0) {
                    unconfirmed.remove(other);
                    inbox.tell(remote.dropNode(other));
                    presence.remove(redis, other);
                } else if (deadline != null && alive && !returning.add(other)) {
                    // back a beat ago and told its members since: exactly those, without the ones that left
                    unconfirmed.remove(other);
                    returning.remove(other);
                    inbox.tell(remote.replace(presence.readNode(redis, other), other::equals));
                }
            }
        } catch (RuntimeException e) {
            reset(e);
        }
    }

    private void reset(RuntimeException reason) {
        reachability.lost(reason);
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
            RedisCommands<String, String> redis = c.sync();
            List<RemotePresence.Count> counts = presence.read(redis);
            Set<String> told = new HashSet<>();
            counts.forEach(count -> told.add(count.node()));
            // a known node with nothing in the hash may be gone, or Redis restarted empty and it has not
            // told its members again yet: they stay for its time to live, as they would if it had stopped
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds);
            for (String other : remote.nodes()) {
                if (told.contains(other)) {
                    unconfirmed.remove(other);
                    returning.remove(other);
                } else {
                    // its key may be back already, with its members on their way: the beats decide
                    unconfirmed.putIfAbsent(other, deadline);
                }
            }
            inbox.tell(remote.replace(counts, other -> !unconfirmed.containsKey(other)));
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
        applier.shutdown();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
