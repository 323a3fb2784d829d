package io.mizan.cluster;

import io.mizan.messages.Messages;

import java.util.logging.Logger;

/**
 * Whether Redis is reached, and the log of its outages: one warning when it is lost (or cannot be
 * reached at the start), one line when it is back with how long it was away. Read and written on the
 * relay's applier thread only.
 */
final class Reachability {

    // logged under the relay's name, where its other lines are
    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());

    private final String redacted;
    private boolean reachable;
    private boolean everReached;
    private long lostAt;

    /** @param redacted the Redis URI as the log shows it */
    Reachability(String redacted) {
        this.redacted = redacted;
    }

    boolean reachable() {
        return reachable;
    }

    /** Redis could not be reached or the connection dropped: warned once per outage. */
    void lost(Exception reason) {
        if (reachable || !everReached && lostAt == 0) {
            lostAt = System.currentTimeMillis();
            LOG.warning(Messages.relayLost(redacted, LettuceClients.describe(reason)));
        }
        reachable = false;
    }

    /**
     * Connected, first or again; {@link #settled} follows once the relay has caught up.
     *
     * @return whether an outage came before, which {@link #settled} is given back
     */
    boolean reached() {
        boolean gap = lostAt != 0;
        reachable = true;
        return gap;
    }

    /**
     * The relay has caught up after {@link #reached}: an outage ends.
     *
     * @param gap what {@link #reached} answered
     * @return whether this node's pages missed what was published meanwhile and must resync: an outage
     *     after Redis had been reached once
     */
    boolean settled(boolean gap) {
        boolean resync = false;
        if (gap) {
            LOG.info(Messages.relayBack(redacted, System.currentTimeMillis() - lostAt));
            lostAt = 0;
            resync = everReached;
        }
        everReached = true;
        lostAt = 0;
        return resync;
    }
}
