package io.mizan.inprocess.functions.callbacks;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-005: a method-level @Client on a method the container calls, or on an Object method. */
class NotABusinessMethodTest {

    @Test
    void aLifecycleCallbackIsRefused() {
        InProcess.assertRefused("MIZAN-005", Lifecycle.class.getName() + ".start", Lifecycle.class);
    }

    @Test
    void anInitializerIsRefused() {
        InProcess.assertRefused("MIZAN-005", Initializer.class.getName() + ".init", Initializer.class);
    }

    @Test
    void anObserverIsRefused() {
        InProcess.assertRefused("MIZAN-005", Observer.class.getName() + ".onStart", Observer.class);
    }

    @Test
    void aProducerIsRefused() {
        InProcess.assertRefused("MIZAN-005", Producer.class.getName() + ".widget", Producer.class);
    }

    @Test
    void aDisposerIsRefused() {
        InProcess.assertRefused("MIZAN-005", Disposer.class.getName() + ".dispose", Disposer.class);
    }

    @Test
    void anObjectMethodIsRefused() {
        InProcess.assertRefused("MIZAN-005", Printable.class.getName() + ".toString", Printable.class);
    }
}
