package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Jakarta WebSocket session as the channels' transport: on Tyrus it sends with service files hidden
 * from the context class loader, and always puts the thread's own loader back.
 */
class SessionTransportTest {

    private final ClassLoader original = Thread.currentThread().getContextClassLoader();
    private final ClassLoader application = new ClassLoader(original) {};
    /** The context class loader the session saw at each send and ping. */
    private final List<ClassLoader> seen = new ArrayList<>();

    private RuntimeException failure;

    @BeforeEach
    void applicationThread() {
        Thread.currentThread().setContextClassLoader(application);
    }

    @AfterEach
    void putBack() {
        Thread.currentThread().setContextClassLoader(original);
    }

    private Session session() {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    seen.add(Thread.currentThread().getContextClassLoader());
                    if (failure != null) {
                        throw failure;
                    }
                    if (method.getName().equals("sendText")) {
                        ((SendHandler) args[1]).onResult(new SendResult());
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) -> method.getName().equals("getAsyncRemote") ? async : null);
    }

    @Test
    void onTyrusASendAndAPingSeeTheApplicationLoaderWithoutServiceFiles() {
        SessionTransport transport = new SessionTransport(session(), true);
        AtomicReference<Throwable> done = new AtomicReference<>(new Throwable("not called"));

        transport.send("{}", done::set);
        transport.ping(new byte[] {1});

        assertNull(done.get(), "the send completed without a failure");
        assertEquals(2, seen.size());
        for (ClassLoader loader : seen) {
            assertInstanceOf(ServiceFilesHidden.class, loader);
            assertSame(application, loader.getParent());
        }
        assertSame(application, Thread.currentThread().getContextClassLoader(), "the thread's loader is back");
    }

    @Test
    void aCompletionInsideTheSendRunsWithTheApplicationsLoaderAndCanSendAgain() {
        SessionTransport transport = new SessionTransport(session(), true);
        List<ClassLoader> inCompletion = new ArrayList<>();

        // Tyrus completes a frame it wrote at once inside sendText; the outbox then sends the next one
        transport.send("first", failure -> {
            inCompletion.add(Thread.currentThread().getContextClassLoader());
            if (inCompletion.size() == 1) {
                transport.send(
                        "second", f -> inCompletion.add(Thread.currentThread().getContextClassLoader()));
            }
        });

        assertEquals(List.of(application, application), inCompletion);
        assertEquals(2, seen.size());
        assertInstanceOf(ServiceFilesHidden.class, seen.get(1));
        assertSame(seen.get(0), seen.get(1), "one hidden loader for the application, made once");
        assertSame(application, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void elsewhereTheThreadsLoaderIsLeftAlone() {
        SessionTransport transport = new SessionTransport(session(), false);

        transport.send("{}", failure -> {});
        transport.ping(new byte[] {1});

        assertEquals(List.of(application, application), seen);
    }

    @Test
    void aSendThatThrowsReportsItAndStillPutsTheLoaderBack() {
        failure = new IllegalStateException("closed");
        SessionTransport transport = new SessionTransport(session(), true);
        AtomicReference<Throwable> done = new AtomicReference<>();

        AtomicReference<ClassLoader> reportedWith = new AtomicReference<>();

        transport.send("{}", f -> {
            done.set(f);
            reportedWith.set(Thread.currentThread().getContextClassLoader());
        });
        transport.ping(new byte[] {1});

        assertSame(failure, done.get());
        assertSame(application, reportedWith.get(), "the failure is reported with the application's loader");
        assertSame(application, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aThreadWithoutAContextLoaderSendsAsItIs() {
        Thread.currentThread().setContextClassLoader(null);
        new SessionTransport(session(), true).send("{}", failure -> {});

        assertEquals(1, seen.size());
        assertNull(seen.get(0));
        assertNull(Thread.currentThread().getContextClassLoader());
    }

    /** A session that is open or not, whose pings and closes throw when told to; what it was asked is recorded. */
    private Session session(boolean open, Exception failing, List<String> asked) {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (failing != null) {
                        throw failing;
                    }
                    if (method.getName().equals("sendText")) {
                        ((SendHandler) args[1]).onResult(new SendResult(new java.io.IOException("reset")));
                    } else {
                        asked.add(method.getName() + " " + ((java.nio.ByteBuffer) args[0]).remaining());
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getAsyncRemote":
                            return async;
                        case "isOpen":
                            return open;
                        case "close":
                            jakarta.websocket.CloseReason reason = (jakarta.websocket.CloseReason) args[0];
                            asked.add("close " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
                            if (failing != null) {
                                throw failing;
                            }
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void aSessionAnswersWhetherItIsOpenTakesPingsAndClosesWithTheCode() {
        List<String> asked = new ArrayList<>();
        SessionTransport open = new SessionTransport(session(true, null, asked), false);
        AtomicReference<Throwable> done = new AtomicReference<>();

        assertTrue(open.isOpen());
        assertFalse(new SessionTransport(session(false, null, asked), false).isOpen());
        assertTrue(open.ping(new byte[] {1, 2}));
        open.close(1008, "too many bad frames");
        open.send("{}", done::set);

        assertEquals(List.of("sendPing 2", "close 1008 too many bad frames"), asked);
        assertInstanceOf(java.io.IOException.class, done.get(), "a send that failed reports its failure");
    }

    @Test
    void aClosedSessionTakesNoPingAndItsCloseIsQuiet() {
        List<String> asked = new ArrayList<>();
        SessionTransport io = new SessionTransport(session(true, new java.io.IOException("closed"), asked), false);
        SessionTransport runtime =
                new SessionTransport(session(true, new IllegalStateException("closed"), asked), false);

        assertFalse(io.ping(new byte[] {1}));
        assertFalse(runtime.ping(new byte[] {1}));
        io.close(1001, "gone");
        runtime.close(1001, "gone");

        assertEquals(List.of("close 1001 gone", "close 1001 gone"), asked);
    }

    @Test
    void onlyTyrusSessionsAreTyrus() {
        assertFalse(SessionTransport.isTyrus(session()), "a proxy is no Tyrus session");
    }
}
