package io.mizan.channels;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A context class loader that is the application's in every way but one: it finds no
 * {@code META-INF/services/} files. Classes and other resources come from the application's loader,
 * its parent.
 *
 * <p>Why: Payara 6's Tyrus (2.1.5.payara) restarts a session's idle timer on every frame it sends, even
 * with no idle timeout, by scheduling a task on a managed executor. Capturing that task's context looks
 * up {@code ThreadContextProvider} service files through the context class loader, which walks every
 * jar of the application and of the server: about three quarters of the server's CPU per delivered
 * broadcast frame (a JFR profile of {@code bench/}'s broadcast). With this loader current while Tyrus
 * sends, the lookup finds nothing at once; the idle timer's task needs no context provider.
 */
final class ServiceFilesHidden extends ClassLoader {

    private static final String SERVICE_FILES = "META-INF/services/";

    /** The loader made for the last context class loader asked about: a broadcast asks with one. */
    private static volatile ServiceFilesHidden last;

    private ServiceFilesHidden(ClassLoader application) {
        super(application);
    }

    /**
     * This loader over {@code application}, made once per application loader in a row; a loader that
     * already hides them is returned as it is.
     */
    static ServiceFilesHidden over(ClassLoader application) {
        if (application instanceof ServiceFilesHidden hidden) {
            return hidden;
        }
        ServiceFilesHidden loader = last;
        if (loader == null || loader.getParent() != application) {
            loader = new ServiceFilesHidden(application);
            last = loader;
        }
        return loader;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SERVICE_FILES) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(SERVICE_FILES) ? null : super.getResource(name);
    }
}
