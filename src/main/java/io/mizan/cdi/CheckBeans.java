package io.mizan.cdi;

import io.mizan.AccessCheck;
import io.mizan.security.AccessChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's {@link AccessCheck} beans, found through the extension because the library's own
 * bean manager cannot see the application's classes. A normal-scoped check's proxy is kept; a
 * dependent check lives for one decision.
 */
@ApplicationScoped
public class CheckBeans implements AccessChecks {

    private final MizanExtension extension;
    private final BeanManager beanManager;
    private final Map<Class<? extends AccessCheck>, AccessCheck> normalScoped = new ConcurrentHashMap<>();

    @Inject
    public CheckBeans(MizanExtension extension, BeanManager beanManager) {
        this.extension = extension;
        this.beanManager = beanManager;
    }

    /** For the container's proxy only. */
    protected CheckBeans() {
        this(null, null);
    }

    @Override
    public boolean permits(Class<? extends AccessCheck> type, String function, Principal caller) {
        AccessCheck kept = normalScoped.get(type);
        if (kept != null) {
            return kept.permits(function, caller);
        }
        Bean<?> bean = extension.checkBean(type);
        CreationalContext<?> creational = beanManager.createCreationalContext(bean);
        AccessCheck check = (AccessCheck) beanManager.getReference(bean, type, creational);
        if (beanManager.isNormalScope(bean.getScope())) {
            normalScoped.put(type, check);
            return check.permits(function, caller);
        }
        try {
            return check.permits(function, caller);
        } finally {
            creational.release();
        }
    }
}
