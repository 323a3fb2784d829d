package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;

/**
 * For the benchmark, not for a load: the bytes of heap all live threads of the server have allocated
 * so far. The benchmark reads it before and after a phase; the difference over the phase's requests
 * is what one request allocates (its own two reads add a few hundred bytes to a phase of thousands).
 */
@Path("allocated")
@ApplicationScoped
public class Allocations {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String allocated() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return Long.toString(total);
    }
}
