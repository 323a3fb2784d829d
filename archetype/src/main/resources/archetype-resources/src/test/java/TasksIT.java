package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The built WAR on a Payara Micro of its own (on a free port), called over HTTP as the generated
 * client calls it. The server's log is in target/payara-it.log.
 */
class TasksIT {

    private static Process server;
    private static URI base;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPayaraMicro() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "payara-it.log");
        server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dhazelcast.phone.home.enabled=false",
                        "-jar", System.getProperty("payara.microJar"),
                        "--nocluster", "--disablephonehome",
                        "--port", String.valueOf(port),
                        "--contextroot", "/",
                        "--deploy", System.getProperty("app.war"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        base = URI.create("http://localhost:" + port + "/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            try {
                if (get("api/mizan/manifest").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Payara Micro did not start; see " + log.toAbsolutePath()
                        + ":\n" + Files.readString(log));
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopPayaraMicro() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void addingATaskNamesTheContextToRefetch() throws Exception {
        HttpResponse<String> added = call("addTask", "{\"title\":\"Write the docs\"}");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"invalidate\":[\"tasks\"]"), added.body());
        assertEquals("tasks", added.headers().firstValue("X-Mizan-Invalidate").orElse(""));

        HttpResponse<String> tasks = get("api/mizan/ctx/tasks");
        assertEquals(200, tasks.statusCode(), tasks.body());
        assertTrue(tasks.body().contains("\"title\":\"Write the docs\""), tasks.body());
    }

    @Test
    void aBlankTitleIsRefusedWithTheFieldsError() throws Exception {
        HttpResponse<String> refused = call("addTask", "{\"title\":\" \"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"path\":\"title\""), refused.body());
    }

    @Test
    void thePageIsTheBuiltFrontEndWithTheTasksEmbedded() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<div id=\"root\">"), page.body());
        assertTrue(page.body().contains("id=\"mizan-hydration\""), page.body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String function, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve("api/mizan/call/" + function))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
