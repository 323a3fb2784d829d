package io.mizan.cdi;

import io.mizan.channels.ChannelHub;
import io.mizan.channels.NodeRelay;
import io.mizan.cluster.RedisRelay;
import io.mizan.config.MizanSettings;
import io.mizan.config.RedisSettings;
import io.mizan.forms.FormOperations;
import io.mizan.hydration.Hydration;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.LocalizedValidators;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.messages.Messages;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import io.mizan.security.KnownRoles;
import io.mizan.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.logging.Logger;

/**
 * Wires the core: the plain classes that do the work (built with {@code new} in unit tests) become
 * beans here, once per application. They are {@code @Singleton}s, so calls reach them without a
 * client proxy.
 */
@ApplicationScoped
public class MizanBeans {

    private static final Logger LOG = Logger.getLogger(MizanBeans.class.getName());

    /** The application's context root, which keeps its Redis keys apart from other applications'. */
    private volatile String contextPath = "";

    @Produces
    @Singleton
    Model model(MizanExtension extension) {
        return extension.model();
    }

    @Produces
    @Singleton
    MizanSettings settings(MizanExtension extension) {
        return extension.settings();
    }

    @Produces
    @Singleton
    ResultEncoder encoder(Model model) {
        return new ResultEncoder(model);
    }

    void close(@Disposes ResultEncoder encoder) {
        encoder.close();
    }

    @Produces
    @Singleton
    ArgumentBinder binder(Model model, ResultEncoder encoder) {
        return new ArgumentBinder(model, encoder.jsonb());
    }

    @Produces
    @Singleton
    FunctionValidation validation(MizanExtension extension, Invoker invoker) {
        return new FunctionValidation(extension.validatedHere(), invoker.constraints());
    }

    @Produces
    @Singleton
    AccessPolicy access(CheckBeans checks) {
        return new AccessPolicy(checks);
    }

    @Produces
    @Singleton
    Invoker invoker(
            Model model,
            AccessPolicy access,
            Instance<ValidatorFactory> factories,
            Validator validator,
            BeanReferences targets,
            ResultEncoder encoder,
            FrameInvalidator invalidator,
            MizanExtension extension,
            BeanManager beans) {
        LocalizedValidators validators = factories.isResolvable()
                ? new LocalizedValidators(factories.get())
                : new LocalizedValidators(validator);
        return new Invoker(
                model, access, validators, targets, encoder, invalidator, telemetry(extension, model, beans));
    }

    /**
     * What the server offers to record calls through. Its beans are asked for by a class that
     * {@link Telemetry} loads only when the server has it: on a server without MicroProfile Telemetry
     * or Metrics this names none of their classes.
     */
    private static Telemetry telemetry(MizanExtension extension, Model model, BeanManager beans) {
        Telemetry telemetry = Telemetry.select(
                extension.telemetrySettings(),
                model,
                (type, qualifiers) -> {
                    Instance<?> bean = beans.createInstance().select(type, qualifiers);
                    return bean.isResolvable() ? bean.get() : null;
                },
                MizanBeans.class.getClassLoader());
        if (telemetry.on()) {
            LOG.info(Messages.telemetryOn(telemetry.describe()));
        }
        return telemetry;
    }

    @Produces
    @Singleton
    FormOperations forms(Invoker invoker, ArgumentBinder binder) {
        return new FormOperations(invoker, binder);
    }

    @Produces
    @Singleton
    Hydration hydration(Invoker invoker, ArgumentBinder binder) {
        return new Hydration(invoker, binder);
    }

    @Produces
    @Singleton
    ChannelHub channels(
            Invoker invoker,
            ArgumentBinder binder,
            ResultEncoder encoder,
            BeanReferences handlers,
            AccessPolicy access,
            MizanSettings settings) {
        RedisSettings redis = settings.channels().redis();
        NodeRelay relay = redis.enabled() ? new RedisRelay(redis, "mizan:" + contextPath) : NodeRelay.ALONE;
        return new ChannelHub(invoker, binder, encoder, handlers, access, settings.channels(), relay);
    }

    void close(@Disposes ChannelHub hub) {
        hub.close();
    }

    /**
     * With Redis, this node joins the others when the application starts, not at its first socket or
     * call: what it publishes from then on reaches them, and it hears them.
     */
    void joinTheOtherNodes(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            MizanSettings settings,
            Instance<ChannelHub> hub) {
        if (started instanceof ServletContext servlet) { // a web application's start carries its context
            contextPath = servlet.getContextPath();
        }
        // even with channels off here: what this node invalidates must reach the pages of the others
        if (settings.channels().redis().enabled()) {
            hub.get().openSockets();
        }
    }

    @Produces
    @Singleton
    KnownRoles roles(MizanExtension extension) {
        return new KnownRoles(extension.roles());
    }
}
