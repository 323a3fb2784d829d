package io.mizan.cdi;

import io.mizan.Invalidated;
import io.mizan.Invalidator;
import io.mizan.channels.ChannelHub;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.invalidation.KeyPublisher;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Invalidator}: adds keys to the call running on this thread, or publishes them at once;
 * and the one publisher of the {@link Invalidated} event.
 */
@ApplicationScoped
public class FrameInvalidator implements Invalidator, KeyPublisher {

    private static final Logger LOG = Logger.getLogger(FrameInvalidator.class.getName());

    private final Model model;
    private final Event<Invalidated> invalidated;
    private final Instance<ChannelHub> channels;

    @Inject
    public FrameInvalidator(Model model, Event<Invalidated> invalidated, Instance<ChannelHub> channels) {
        this.model = model;
        this.invalidated = invalidated;
        this.channels = channels;
    }

    /** For the container's proxy only. */
    protected FrameInvalidator() {
        this(null, null, null);
    }

    @Override
    public void invalidate(String context) {
        invalidate(context, Map.of());
    }

    @Override
    public void invalidate(String context, Map<String, ?> params) {
        FunctionModel target = model.function(context)
                .filter(FunctionModel::isContext)
                .orElseThrow(() -> new IllegalArgumentException(Messages.invalidateUnknownContext(
                        context,
                        model.contexts().stream().map(FunctionModel::name).toList())));
        List<String> known = target.arguments().stream().map(ParamModel::name).toList();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException(Messages.invalidateUnknownParameter(context, e.getKey(), known));
            }
            String text = InvalidationKeys.text(e.getValue());
            if (text != null) {
                values.put(e.getKey(), text);
            }
        }
        String key = InvalidationKeys.format(context, values);
        if (InvalidationFrames.active()) {
            InvalidationFrames.add(List.of(key));
        } else {
            publish(List.of(key));
        }
    }

    /**
     * Announces the keys of a finished outermost call (or of keys added outside any call) as the
     * {@link Invalidated} event: the one place it is fired.
     */
    @Override
    public void publish(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // live invalidation first, so that no observer's failure keeps open pages from hearing of it
        channels.get().invalidate(keys);
        try {
            invalidated.fire(new Invalidated(keys));
        } catch (RuntimeException e) {
            // an observer's failure (a CDN purge that timed out) is not the call's: its change is made
            LOG.log(Level.WARNING, Messages.invalidatedObserverFailed(keys), e);
        }
    }
}
