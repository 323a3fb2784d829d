package io.mizan.cdi;

import io.mizan.config.MizanSettings;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request reads: the model, the settings, one configured JSON-B, and the bean references
 * that functions are invoked on (through their proxies, so interceptors apply).
 */
@ApplicationScoped
public class MizanRuntime {

    @Inject
    MizanExtension extension;

    @Inject
    BeanManager beanManager;

    private Jsonb jsonb;
    private final Map<Class<?>, Object> references = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        // nulls are written, so that a TypeScript `T | null` property is always present
        jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }

    @PreDestroy
    void stop() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release at shutdown
        }
    }

    public Model model() {
        return extension.model();
    }

    public MizanSettings settings() {
        return extension.settings();
    }

    public Jsonb jsonb() {
        return jsonb;
    }

    /** Runs on the bean's reference before the method is invoked: argument validation. */
    public interface BeforeInvoke {
        void accept(Object target);
    }

    /**
     * Invokes a function's method on its bean, through the bean's proxy, so that interceptors apply.
     *
     * @throws Throwable what the method (or an interceptor) threw
     */
    public Object invoke(FunctionModel function, Object[] args, BeforeInvoke before) throws Throwable {
        Bean<?> bean = extension.bean(function.beanClass());
        boolean normal = beanManager.isNormalScope(bean.getScope());
        CreationalContext<?> creational = normal ? null : beanManager.createCreationalContext(bean);
        Object target = normal
                ? references.computeIfAbsent(function.beanClass(), c -> reference(bean, c, beanManager.createCreationalContext(bean)))
                : reference(bean, function.beanClass(), creational);
        try {
            before.accept(target);
            return function.method().invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (creational != null) {
                creational.release();
            }
        }
    }

    private Object reference(Bean<?> bean, Class<?> type, CreationalContext<?> creational) {
        return beanManager.getReference(bean, type, creational);
    }
}
