package io.mizan.telemetry;

import io.mizan.Auth;
import io.mizan.model.ModelBuilder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Run inside {@link WithoutTheApis}: selects with OpenTelemetry switched on in the settings and makes
 * an observation, which must neither fail nor ask the server for a bean.
 */
public final class SelectWithoutTheApis implements Supplier<String> {
    @Override
    public String get() {
        Telemetry t = Telemetry.select(
                new TelemetrySettings(true, TelemetrySettings.Metrics.AUTO, true),
                new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class)),
                (type, qualifiers) -> {
                    throw new AssertionError("asked for " + type);
                },
                getClass().getClassLoader());
        t.start(Kind.CALL, "greet").end(200);
        return t.describe();
    }
}
