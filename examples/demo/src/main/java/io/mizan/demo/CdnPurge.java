package io.mizan.demo;

import io.mizan.Invalidated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Purges a CDN by the keys of each mutation (with {@code mizan.cache-tags.enabled=true}, context answers
 * carry them as {@code Cache-Tag} and {@code Surrogate-Key}), when {@code demo.cdn.purge-url} is set: POSTs {@code {"tags": [...]}} there,
 * off the call's thread, retrying a failure three times (after 1, 2 and 4 s). It never fails or
 * delays the call: meanwhile the CDN serves what it has.
 */
@ApplicationScoped
public class CdnPurge {

    private static final Logger LOG = Logger.getLogger(CdnPurge.class.getName());
    private static final int ATTEMPTS = 4;

    @Inject
    @ConfigProperty(name = "demo.cdn.purge-url")
    Optional<URI> purgeUrl;

    @Resource
    ManagedExecutorService executor;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    void purge(@Observes Invalidated event) {
        purgeUrl.ifPresent(url -> executor.execute(() -> send(url, event.keys(), 1)));
    }

    private void send(URI url, List<String> tags, int attempt) {
        String body = Json.createObjectBuilder().add("tags", Json.createArrayBuilder(tags)).build().toString();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean failed = error != null || response.statusCode() >= 500 || response.statusCode() == 429;
            if (!failed) {
                return;
            }
            if (attempt < ATTEMPTS) {
                CompletableFuture.delayedExecutor(1L << (attempt - 1), TimeUnit.SECONDS, executor)
                        .execute(() -> send(url, tags, attempt + 1));
            } else {
                LOG.warning("CDN purge of " + tags + " failed " + ATTEMPTS + " times; the CDN may serve them stale");
            }
        });
    }
}
