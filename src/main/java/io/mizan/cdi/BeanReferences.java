package io.mizan.cdi;

import io.mizan.invoke.BeanTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bean instances functions are invoked on: the contextual reference (a proxy, so that
 * interceptors apply), kept for a normal-scoped bean, created and released per call for a dependent one.
 */
@ApplicationScoped
public class BeanReferences implements BeanTargets {

    private final MizanExtension extension;
    private final BeanManager beanManager;
    private final Map<Class<?>, Target> normalScoped = new ConcurrentHashMap<>();

    @Inject
    public BeanReferences(MizanExtension extension, BeanManager beanManager) {
        this.extension = extension;
        this.beanManager = beanManager;
    }

    /** For the container's proxy only. */
    protected BeanReferences() {
        this(null, null);
    }

    @Override
    public Target open(Class<?> beanClass) {
        // a normal-scoped bean's target is looked up once: every call after is one map read
        Target kept = normalScoped.get(beanClass);
        if (kept != null) {
            return kept;
        }
        Bean<?> bean = extension.bean(beanClass);
        if (beanManager.isNormalScope(bean.getScope())) {
            // the container owns a normal-scoped instance: nothing to release
            return normalScoped.computeIfAbsent(
                    beanClass,
                    c -> new Held(
                            beanManager.getReference(bean, c, beanManager.createCreationalContext(bean)), () -> {}));
        }
        CreationalContext<?> creational = beanManager.createCreationalContext(bean);
        return new Held(beanManager.getReference(bean, beanClass, creational), creational::release);
    }

    /** An instance for one call, and how to release it. */
    private record Held(Object instance, Runnable release) implements Target {
        @Override
        public void close() {
            release.run();
        }
    }
}
