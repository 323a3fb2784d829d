package io.mizan.channels;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which open sockets hear of which invalidation keys: those whose user may read the key's context,
 * by the context's own access rule. A socket's answer for a context is decided once (its user does not
 * change while it is open) and kept, so a mutation costs one map look-up per socket and key.
 */
final class LiveInvalidation {

    private static final Logger LOG = Logger.getLogger(LiveInvalidation.class.getName());

    private final Model model;
    private final AccessPolicy access;

    LiveInvalidation(Model model, AccessPolicy access) {
        this.model = model;
        this.access = access;
    }

    void invalidate(List<String> keys, Set<ChannelSocket> sockets) {
        if (keys.isEmpty() || sockets.isEmpty()) {
            return;
        }
        Map<String, FunctionModel> contexts = new HashMap<>();
        for (String key : keys) {
            String name = contextOf(key);
            model.function(name).filter(FunctionModel::isContext).ifPresent(f -> contexts.put(name, f));
        }
        for (ChannelSocket socket : sockets) {
            List<String> readable = new ArrayList<>(keys.size());
            for (String key : keys) {
                FunctionModel context = contexts.get(contextOf(key));
                if (context != null && socket.readable.computeIfAbsent(context.name(), n -> mayRead(socket, context))) {
                    readable.add(key);
                }
            }
            if (!readable.isEmpty()) {
                socket.send(ChannelFrames.invalidate(readable));
            }
        }
    }

    private boolean mayRead(ChannelSocket socket, FunctionModel context) {
        if (context.serverOnly()) {
            return false;
        }
        try {
            access.enforce(context, socket.caller);
            return true;
        } catch (MizanException refused) {
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, Messages.liveInvalidationCheckFailed(context.where()), e);
            return false;
        }
    }

    private static String contextOf(String key) {
        int semicolon = key.indexOf(';');
        return semicolon < 0 ? key : key.substring(0, semicolon);
    }
}
