package io.mizan.hydration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.inprocess.ApplicationSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter is registered when the application starts, for the pages {@code mizan.hydration.paths}
 * names ({@code /index.html} by default), on requests and forwards; not at all for {@code none} or a
 * malformed setting (which fails the deployment elsewhere), and a filter the application registered
 * under the same name is left alone.
 */
class HydrationInitializerTest {

    /** The application's class loader, with its own configuration. */
    private final ApplicationSettings settings = new ApplicationSettings();

    private final ClassLoader application = settings.loader;

    /** What the context was asked: the filter's name and class, then each mapping. */
    private final List<String> asked = new ArrayList<>();

    private boolean nameTaken;

    @AfterEach
    void forget() {
        settings.release();
    }

    private void start(Map<String, String> config) {
        settings.set(config);
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class}, (proxy, m, args) -> {
                    if (!m.getName().equals("addMappingForUrlPatterns")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    asked.add("mapping " + args[0] + " " + args[1] + " " + Arrays.toString((String[]) args[2]));
                    return null;
                });
        ServletContext context = (ServletContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getClassLoader":
                            return application;
                        case "addFilter":
                            asked.add("filter " + args[0] + " " + ((Class<?>) args[1]).getSimpleName());
                            return nameTaken ? null : registration;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        new HydrationInitializer().onStartup(Set.of(), context);
    }

    @Test
    void byDefaultTheIndexPageIsHydratedOnRequestsAndForwards() {
        start(Map.of());

        assertEquals(
                List.of(
                        "filter mizan-hydration HydrationFilter",
                        "mapping " + EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD)
                                + " true [/index.html]"),
                asked);
    }

    @Test
    void theNamedPagesAreHydrated() {
        start(Map.of("mizan.hydration.paths", "/app.html, /shop/*"));

        assertEquals(
                "mapping " + EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD) + " true [/app.html, /shop/*]",
                asked.get(1));
    }

    @Test
    void noneRegistersNothing() {
        start(Map.of("mizan.hydration.paths", "none"));

        assertEquals(List.of(), asked);
    }

    @Test
    void aMalformedSettingRegistersNothing() {
        start(Map.of("mizan.hydration.paths", "index.html"));

        assertEquals(List.of(), asked);
    }

    @Test
    void aFilterOfTheSameNameIsLeftAlone() {
        nameTaken = true;
        start(Map.of());

        assertEquals(List.of("filter mizan-hydration HydrationFilter"), asked);
    }
}
