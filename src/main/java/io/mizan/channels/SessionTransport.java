package io.mizan.channels;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A Jakarta WebSocket session as a {@link SocketTransport}: asynchronous sends, one at a time. On Tyrus
 * (Payara) a send runs with {@link ServiceFilesHidden} as the context class loader, which saves most of
 * what Tyrus spends on each frame it sends.
 */
final class SessionTransport implements SocketTransport {

    private final Session session;
    private final boolean hideServiceFiles;

    SessionTransport(Session session) {
        this(session, isTyrus(session));
    }

    /** A transport that hides service files while it sends, or not. */
    SessionTransport(Session session, boolean hideServiceFiles) {
        this.session = session;
        this.hideServiceFiles = hideServiceFiles;
    }

    /** Whether the session is Tyrus's: compared by name, as the library links no server's classes. */
    static boolean isTyrus(Session session) {
        return session.getClass().getName().startsWith("org.glassfish.tyrus.");
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        Thread thread = Thread.currentThread();
        ClassLoader context = hide(thread);
        RuntimeException failed = null;
        try {
            session.getAsyncRemote()
                    .sendText(text, result -> complete(done, result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            failed = e; // closed meanwhile
        } finally {
            thread.setContextClassLoader(context);
        }
        if (failed != null) {
            done.accept(failed);
        }
    }

    @Override
    public boolean ping(byte[] payload) {
        Thread thread = Thread.currentThread();
        ClassLoader context = hide(thread);
        try {
            session.getAsyncRemote().sendPing(java.nio.ByteBuffer.wrap(payload));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // closed meanwhile
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    /** Makes {@link ServiceFilesHidden} current on Tyrus; returns the context class loader to put back. */
    private ClassLoader hide(Thread thread) {
        ClassLoader context = thread.getContextClassLoader();
        if (hideServiceFiles && context != null) {
            thread.setContextClassLoader(ServiceFilesHidden.over(context));
        }
        return context;
    }

    /**
     * Reports a send's outcome with the application's own loader: Tyrus completes a frame it wrote at
     * once inside {@code sendText}, and the outbox then sends the next one, or the application's code
     * runs, which may look services up.
     */
    private static void complete(Consumer<Throwable> done, Throwable failure) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (!(context instanceof ServiceFilesHidden hidden)) {
            done.accept(failure);
            return;
        }
        thread.setContextClassLoader(hidden.getParent());
        try {
            done.accept(failure);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }
}
