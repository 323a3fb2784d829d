package io.mizan.channels;

import io.mizan.model.ChannelModel;

/**
 * One join of one socket: the channel, its decoded parameters and the group its handler chose. The
 * ref is kept as JSON text too, so that a broadcast only concatenates it.
 */
record Membership(String ref, String refJson, ChannelModel channel, Object params, String group, ChannelSocket socket) {

    /** The key of the group across channels: group names are the handler's, per channel. */
    String groupKey() {
        return GroupRegistry.key(channel.name(), group);
    }
}
