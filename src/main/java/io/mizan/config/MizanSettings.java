package io.mizan.config;

import io.mizan.Auth;
import io.mizan.messages.Messages;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ModelException;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Mizan's configuration, read once from MicroProfile Config. A malformed value fails the deployment:
 * {@link #from} reports every malformed setting at once, each with its property's name and the fix.
 *
 * <pre>{@code
 * MizanSettings settings = MizanSettings.from(ConfigProvider.getConfig());
 * if (settings.schemaEnabled()) { ... }
 * }</pre>
 *
 * @param defaultAuth {@code mizan.auth.default}: who may call a function that says nothing;
 *                    {@code public} (the default) or {@code authenticated}
 * @param maxBodyBytes {@code mizan.max-body-bytes}: the largest call body accepted, positive (1 MiB)
 * @param allowedOrigins {@code mizan.allowed-origins}: other origins that may call, comma-separated, each
 *                       {@code http(s)://host[:port]}; normalized like {@code publicOrigin} (none)
 * @param schemaEnabled {@code mizan.schema.enabled}: whether {@code GET <base>/schema} answers ({@code true})
 * @param manifestEnabled {@code mizan.manifest.enabled}: whether {@code GET <base>/manifest} answers
 *                        ({@code true})
 * @param openApiEnabled {@code mizan.openapi.enabled}: whether the functions join the server's own OpenAPI
 *                       document ({@code true}); the OpenAPI filter setting reads it as well
 * @param hydrationPaths {@code mizan.hydration.paths}: servlet URL patterns of the pages into which
 *                       global contexts are embedded, each starting with {@code /} ({@code /index.html})
 * @param publicOrigin {@code mizan.public-origin}: the origin browsers use to reach the application when
 *                     it sits behind a proxy, lower-case and without a default port (none: the request's own)
 * @param trustForwardedHeaders {@code mizan.trust-forwarded-headers}: whether {@code Forwarded} and
 *                              {@code X-Forwarded-*} headers from a proxy are believed ({@code false})
 * @param signIn {@code mizan.auth.functions} and the throttling of sign-ins
 * @param etagKey {@code mizan.etag.key}: a secret that keys ETags the same way on every node, at least
 *                {@value #MIN_ETAG_KEY_LENGTH} characters (none: a random key per deployment)
 * @param maxBatchEntries {@code mizan.batch.max-entries}: the most calls and reads one
 *                        {@code POST <base>/batch} may carry, positive ({@value #DEFAULT_MAX_BATCH_ENTRIES})
 * @param cacheTagsEnabled {@code mizan.cache-tags.enabled}: whether context answers list the keys that would
 *                         invalidate them in {@code Cache-Tag} and {@code Surrogate-Key}, for a CDN that caches
 *                         them to purge by ({@code false}: context answers are private, and no shared cache
 *                         keeps them unless the application makes it)
 */
public record MizanSettings(
        Auth defaultAuth,
        long maxBodyBytes,
        List<String> allowedOrigins,
        boolean schemaEnabled,
        boolean manifestEnabled,
        boolean openApiEnabled,
        List<String> hydrationPaths,
        Optional<String> publicOrigin,
        boolean trustForwardedHeaders,
        Optional<String> etagKey,
        int maxBatchEntries,
        boolean cacheTagsEnabled,
        ChannelSettings channels,
        SignInSettings signIn) {

    /** The default of {@code mizan.max-body-bytes}: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The default of {@code mizan.batch.max-entries}. */
    public static final int DEFAULT_MAX_BATCH_ENTRIES = 20;

    /** The fewest characters {@code mizan.etag.key} may have. */
    public static final int MIN_ETAG_KEY_LENGTH = 16;

    public MizanSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        hydrationPaths = List.copyOf(hydrationPaths);
    }

    /**
     * Reads the settings.
     *
     * @throws ModelException listing every malformed setting, each naming its property and the fix
     */
    public static MizanSettings from(Config config) {
        Reader r = new Reader(config);
        Auth auth = r.value("mizan.auth.default")
                .map(v -> {
                    try {
                        return ModelBuilder.parseDefaultAuth(v);
                    } catch (ModelException e) {
                        r.problems.addAll(e.problems());
                        return Auth.PUBLIC;
                    }
                })
                .orElse(Auth.PUBLIC);
        long maxBody = r.value("mizan.max-body-bytes")
                .map(v -> r.positive("mizan.max-body-bytes", v))
                .orElse(DEFAULT_MAX_BODY_BYTES);
        List<String> origins = new ArrayList<>();
        for (String entry : list(r.value("mizan.allowed-origins").orElse(""))) {
            r.origin("mizan.allowed-origins", entry).ifPresent(origins::add);
        }
        boolean schema = r.bool("mizan.schema.enabled", true);
        boolean manifest = r.bool("mizan.manifest.enabled", true);
        boolean openApi = r.bool("mizan.openapi.enabled", true);
        // "none" switches it off: MicroProfile Config reads an empty value as no value at all
        String hydrationValue = r.value("mizan.hydration.paths").orElse("/index.html");
        List<String> hydration = hydrationValue.trim().equalsIgnoreCase("none") ? List.of() : list(hydrationValue);
        for (String path : hydration) {
            if (!path.startsWith("/")) {
                r.problems.add(Messages.hydrationPathNotAbsolute(path));
            }
        }
        Optional<String> publicOrigin =
                r.value("mizan.public-origin").flatMap(v -> r.origin("mizan.public-origin", v.trim()));
        boolean forwarded = r.bool("mizan.trust-forwarded-headers", false);
        Optional<String> etagKey = r.value("mizan.etag.key");
        etagKey.filter(k -> k.length() < MIN_ETAG_KEY_LENGTH)
                .ifPresent(k -> r.problems.add(Messages.etagKeyTooShort(k.length(), MIN_ETAG_KEY_LENGTH)));
        int maxBatchEntries = r.positiveInt("mizan.batch.max-entries", DEFAULT_MAX_BATCH_ENTRIES);
        boolean cacheTags = r.bool("mizan.cache-tags.enabled", false);
        ChannelSettings d = ChannelSettings.DEFAULTS;
        String channelsPath = r.value("mizan.channels.path").map(String::trim).orElse(d.path());
        if (!channelsPath.startsWith("/")) {
            r.problems.add(Messages.channelsPathNotAbsolute(channelsPath));
        }
        ChannelSettings channels = new ChannelSettings(
                r.bool("mizan.channels.enabled", d.enabled()),
                channelsPath,
                r.positiveInt("mizan.channels.max-frame-bytes", d.maxFrameBytes()),
                r.positiveInt("mizan.channels.max-joins", d.maxJoins()),
                r.positiveInt("mizan.channels.max-messages-per-second", d.maxMessagesPerSecond()),
                r.positiveInt("mizan.channels.send-queue", d.sendQueue()),
                r.positiveInt("mizan.channels.send-window-bytes", d.sendWindowBytes()),
                redis(r));
        SignInSettings signIn = new SignInSettings(
                r.bool("mizan.auth.functions", SignInSettings.DEFAULTS.functions()),
                r.positiveInt("mizan.auth.max-failures", SignInSettings.DEFAULTS.maxFailures()),
                r.positiveInt("mizan.auth.failure-window-seconds", SignInSettings.DEFAULTS.windowSeconds()));
        if (!r.problems.isEmpty()) {
            throw new ModelException(r.problems);
        }
        return new MizanSettings(
                auth,
                maxBody,
                origins,
                schema,
                manifest,
                openApi,
                hydration,
                publicOrigin,
                forwarded,
                etagKey,
                maxBatchEntries,
                cacheTags,
                channels,
                signIn);
    }

    private static RedisSettings redis(Reader r) {
        Optional<String> uri = r.value("mizan.channels.redis.uri").map(String::trim);
        uri.filter(u -> !REDIS_SCHEMES.matcher(u).lookingAt())
                .ifPresent(u -> r.problems.add(Messages.redisUriNotRedis(RedisSettings.redact(u))));
        Optional<String> prefix = r.value("mizan.channels.redis.prefix").map(String::trim);
        int ttl = r.positiveInt("mizan.channels.redis.node-ttl-seconds", RedisSettings.NONE.nodeTtlSeconds());
        if (uri.isPresent() && !RedisSettings.clientPresent(MizanSettings.class.getClassLoader())) {
            r.problems.add(Messages.redisClientMissing());
        }
        return new RedisSettings(uri, prefix, ttl);
    }

    private static final java.util.regex.Pattern REDIS_SCHEMES =
            java.util.regex.Pattern.compile("(?i)(redis|rediss|redis-socket|redis-sentinel|rediss-sentinel)://.");

    /**
     * An origin as browsers send it in {@code Origin}: lower-case, without a default port or a
     * trailing slash. Empty when the text is not an {@code http(s)://host[:port]} origin.
     */
    public static Optional<String> normalizeOrigin(String text) {
        return Optional.ofNullable(originProblem(text) == null ? normalized(text) : null);
    }

    /** Why the text is not an origin, or {@code null} when it is one. */
    private static String originProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "it cannot be read as a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "the scheme must be http or https";
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return "it has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "it has a user name";
        }
        if (uri.getRawAuthority().matches(".*:[^\\]]*") && uri.getPort() < 0) {
            return "the port is not a number";
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return "the port is out of range";
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return "it has a path";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "it has a query or a fragment";
        }
        return null;
    }

    private static String normalized(String text) {
        URI uri = URI.create(text);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Reads values as text, so that a malformed one is reported by Mizan, with the others. */
    private static final class Reader {
        final Config config;
        final List<String> problems = new ArrayList<>();

        Reader(Config config) {
            this.config = config;
        }

        Optional<String> value(String property) {
            return config.getOptionalValue(property, String.class);
        }

        boolean bool(String property, boolean byDefault) {
            Optional<String> value = value(property);
            if (value.isEmpty()) {
                return byDefault;
            }
            String v = value.get().trim();
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            problems.add(Messages.settingNotBoolean(property, value.get()));
            return byDefault;
        }

        int positiveInt(String property, int byDefault) {
            return value(property)
                    .map(v -> {
                        long n = positive(property, v);
                        return n > Integer.MAX_VALUE ? byDefault : (int) n;
                    })
                    .orElse(byDefault);
        }

        long positive(String property, String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(Messages.settingNotPositive(property, value));
            return DEFAULT_MAX_BODY_BYTES;
        }

        Optional<String> origin(String property, String entry) {
            String problem = originProblem(entry);
            if (problem != null) {
                problems.add(Messages.notAnOrigin(property, entry, problem));
                return Optional.empty();
            }
            return Optional.of(normalized(entry));
        }
    }
}
