package io.mizan.it.telemetry;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET <app>/test/spans?trace=<id>}: what the application's spans of a trace were. */
@Path("test/spans")
public class SpansResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String spans(@QueryParam("trace") String traceId) {
        return ExportedSpans.ofTrace(traceId == null ? "" : traceId);
    }
}
