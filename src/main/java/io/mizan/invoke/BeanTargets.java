package io.mizan.invoke;

/** Finds the bean instance (its proxy, so that interceptors apply) a function is invoked on. */
public interface BeanTargets {

    /** The instance to call a method of {@code beanClass} on; close it when the call is over. */
    Target open(Class<?> beanClass);

    /** A bean instance for one call; closing it releases a dependent bean. */
    interface Target extends AutoCloseable {
        Object instance();

        @Override
        void close();
    }
}
