package io.mizan.openapi;

import io.mizan.model.Model;

/**
 * What the OpenAPI filter needs from the running application, kept where the filter finds it. The server
 * creates the filter by its class name, outside CDI and on a request thread of its own {@code /openapi}
 * (Payara builds the document at its first request), so it cannot look the model up as a bean; the
 * class is the application's own (the jar sits in its {@code WEB-INF/lib}), so these fields are too.
 */
public final class OpenApiState {

    private static volatile Model model;
    private static volatile String applicationPath = "";
    private static volatile String sessionCookie = "JSESSIONID";

    private OpenApiState() {}

    /** Noted by the CDI extension once the model is built and valid. */
    public static void model(Model built) {
        model = built;
    }

    /** Noted when the web application starts: the JAX-RS application path, and the session cookie's name. */
    static void web(String path, String cookie) {
        applicationPath = path;
        sessionCookie = cookie;
    }

    /** The model, or null where the deployment built none. */
    static Model model() {
        return model;
    }

    /** The path of Mizan's endpoints under the context root: {@code /<application path>/mizan}. */
    static String base() {
        return OpenApiDocument.normalized(applicationPath + "/mizan");
    }

    static String sessionCookie() {
        return sessionCookie;
    }
}
