package ${package};

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api: Mizan answers under /api/mizan (calls, contexts, the page's hydration). */
@ApplicationPath("api")
public class RestApplication extends Application {}
