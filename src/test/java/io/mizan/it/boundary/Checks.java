package io.mizan.it.boundary;

import io.mizan.AccessCheck;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;

/** Access checks with a cost or a side effect run once per call; one that throws breaks no page. */
@ApplicationScoped
public class Checks {

    @ApplicationScoped
    public static class Counting implements AccessCheck {
        private final AtomicInteger asked = new AtomicInteger();

        /** Read through this method: a field read on the bean's client proxy would see the proxy's own. */
        int asked() {
            return asked.get();
        }

        @Override
        public boolean permits(String function, Principal caller) {
            asked.incrementAndGet();
            return true;
        }
    }

    /** A check whose store is down. */
    @ApplicationScoped
    public static class Broken implements AccessCheck {
        @Override
        public boolean permits(String function, Principal caller) {
            throw new IllegalStateException("the check's database is down");
        }
    }

    @Inject
    Counting counting;

    @Client(check = Counting.class)
    public int counted() {
        return 1;
    }

    @Client(check = Counting.class, roles = "staff")
    public int countedForStaff() {
        return 2;
    }

    @Client(check = Counting.class, context = Scope.LOCAL)
    public int countedContext(int n) {
        return n;
    }

    /** How many times the counting check has been asked so far. */
    @Client
    public int asked() {
        return counting.asked();
    }

    @Client(context = Scope.GLOBAL)
    public String motd() {
        return "Welcome";
    }

    @Client(context = Scope.GLOBAL, check = Broken.class)
    public String brokenCheck() {
        return "never read";
    }

    @Client(context = Scope.GLOBAL)
    public String brokenContext() {
        throw new IllegalStateException("the context's database is down");
    }

    @Client(context = Scope.GLOBAL, serverOnly = true)
    public String serverSettings() {
        return "for server code only";
    }

    @Client(context = Scope.LOCAL)
    public String motdFor(String lang) {
        return "Welcome (" + lang + ")";
    }
}
