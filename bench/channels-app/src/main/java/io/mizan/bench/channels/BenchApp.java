package io.mizan.bench.channels;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api: Mizan's calls under /api/mizan, the baseline's trigger under /api/plain. */
@ApplicationPath("api")
public class BenchApp extends Application {
}
