package io.mizan.bench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api: Mizan answers under /api/mizan, the baseline under /api/plain. */
@ApplicationPath("api")
public class BenchApp extends Application {
}
