package io.mizan.channels;

import io.mizan.config.ChannelSettings;
import io.mizan.config.MizanSettings;
import io.mizan.messages.Messages;
import io.mizan.security.KnownRoles;
import io.mizan.security.OriginPolicy;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers the page's WebSocket at {@code mizan.channels.path} when the application starts: the
 * origin filter now, ahead of the container's upgrade filter, and the endpoint once the context is
 * initialized (an initializer may run before the container's WebSocket support has set itself up).
 * Payara's Tyrus and WildFly's Undertow both publish their {@code ServerContainer} as the context
 * attribute by then, and both run this filter before their own upgrade.
 */
public class ChannelsInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(ChannelsInitializer.class.getName());

    /** The context parameter Tyrus's servlet container takes its incoming frame buffer's size from. */
    static final String TYRUS_INCOMING_BUFFER = "org.glassfish.tyrus.servlet.incoming-buffer-size";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        MizanSettings settings;
        try {
            settings = MizanSettings.from(ConfigProvider.getConfig(context.getClassLoader()));
        } catch (RuntimeException e) {
            return; // a malformed setting fails the deployment in MizanExtension, with its message
        }
        ChannelSettings channels = settings.channels();
        if (!channels.enabled()) {
            return;
        }
        OriginPolicy origins = new OriginPolicy(settings);
        FilterRegistration.Dynamic filter =
                context.addFilter("mizan-websocket-origin", new HandshakeOriginFilter(origins));
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, channels.path());
        }
        // Tyrus (Payara) reads a frame whole into a buffer, 4 MiB by default, before the session's size limit
        // applies, and closes with 1011 "Buffer overflow." on one larger: a socket could hold 4 MiB. At twice the
        // frame limit (plus the largest frame header) it holds no more than that, and a frame over the limit
        // that fits, such as a browser's message somewhat too long, still gets the endpoint's 1009. Tyrus reads
        // the parameter at every upgrade; a value the application's web.xml sets is kept. Undertow (WildFly)
        // needs nothing: it applies the session's limit as the frame comes.
        context.setInitParameter(
                TYRUS_INCOMING_BUFFER,
                String.valueOf(Math.min(Integer.MAX_VALUE - 14L, 2L * channels.maxFrameBytes()) + 14));
        context.addListener(new Registration(origins, channels));
    }

    /** Adds the endpoint once the container's WebSocket support is there. */
    private static final class Registration implements ServletContextListener {
        private final OriginPolicy origins;
        private final ChannelSettings channels;

        Registration(OriginPolicy origins, ChannelSettings channels) {
            this.origins = origins;
            this.channels = channels;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
            if (!(container instanceof ServerContainer server)) {
                LOG.warning(Messages.noWebSocketContainer());
                return;
            }
            Supplier<ChannelHub> hub =
                    once(() -> CDI.current().select(ChannelHub.class).get());
            Supplier<Set<String>> roles =
                    once(() -> CDI.current().select(KnownRoles.class).get().names());
            try {
                server.addEndpoint(ServerEndpointConfig.Builder.create(ChannelEndpoint.class, channels.path())
                        .configurator(new ChannelConfigurator(origins, hub, roles, channels.maxFrameBytes()))
                        .build());
            } catch (DeploymentException e) {
                LOG.log(Level.SEVERE, Messages.endpointNotRegistered(channels.path()), e);
            }
        }
    }

    /** Looks a bean up on first use (CDI may not be ready while the context starts) and keeps it. */
    private static <T> Supplier<T> once(Supplier<T> lookUp) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = lookUp.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
