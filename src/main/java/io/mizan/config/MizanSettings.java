package io.mizan.config;

import io.mizan.Auth;
import io.mizan.model.ModelBuilder;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Mizan's configuration, read once from MicroProfile Config.
 *
 * @param defaultAuth {@code mizan.auth.default}: who may call a function that says nothing ({@code public})
 * @param maxBodyBytes {@code mizan.max-body-bytes}: the largest call body accepted (1 MiB)
 * @param allowedOrigins {@code mizan.allowed-origins}: other origins that may call, comma-separated (none)
 * @param schemaEnabled {@code mizan.schema.enabled}: whether {@code GET <base>/schema} answers ({@code true})
 * @param hydrationPaths {@code mizan.hydration.paths}: pages into which global contexts are embedded
 *                       ({@code /index.html}); empty to switch it off
 */
public record MizanSettings(Auth defaultAuth, long maxBodyBytes, List<String> allowedOrigins,
                            boolean schemaEnabled, boolean manifestEnabled, List<String> hydrationPaths,
                            Optional<String> publicOrigin, boolean trustForwardedHeaders, Optional<String> etagKey) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public MizanSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        hydrationPaths = List.copyOf(hydrationPaths);
    }

    /** Reads the settings; a malformed value fails with a message naming the property. */
    public static MizanSettings from(Config config) {
        Auth auth = ModelBuilder.parseDefaultAuth(config.getOptionalValue("mizan.auth.default", String.class)
                .orElse("public"));
        long maxBody = config.getOptionalValue("mizan.max-body-bytes", String.class)
                .map(v -> parsePositive("mizan.max-body-bytes", v)).orElse(DEFAULT_MAX_BODY_BYTES);
        List<String> origins = list(config.getOptionalValue("mizan.allowed-origins", String.class).orElse(""));
        boolean schema = config.getOptionalValue("mizan.schema.enabled", Boolean.class).orElse(true);
        List<String> hydration = list(config.getOptionalValue("mizan.hydration.paths", String.class)
                .orElse("/index.html"));
        boolean manifest = config.getOptionalValue("mizan.manifest.enabled", Boolean.class).orElse(true);
        Optional<String> publicOrigin = config.getOptionalValue("mizan.public-origin", String.class);
        boolean forwarded = config.getOptionalValue("mizan.trust-forwarded-headers", Boolean.class).orElse(false);
        Optional<String> etagKey = config.getOptionalValue("mizan.etag.key", String.class);
        return new MizanSettings(auth, maxBody, origins, schema, manifest, hydration, publicOrigin, forwarded, etagKey);
    }

    private static long parsePositive(String property, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " is '" + value + "'; set it to a positive number of bytes");
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
