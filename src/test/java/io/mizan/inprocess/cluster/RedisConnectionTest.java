package io.mizan.inprocess.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.inprocess.channels.messages.ChatChannel;
import io.mizan.messages.LogCapture;
import io.mizan.redis.RedisServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a node reaches Redis: with a password and TLS, never logging the password, refusing nothing
 * but garbage from the bus, and not at all (no connection, no thread) when no URI is set.
 */
class RedisConnectionTest {

    private static final String LOBBY = "{\"room\":\"lobby\"}";

    private LogCapture log;

    @BeforeEach
    void captureLogs() {
        log = LogCapture.of("io.mizan");
    }

    @AfterEach
    void release() {
        log.close();
    }

    private static ChannelClient chatter(ChannelHub node, String user) {
        ChannelClient client = ChannelClient.open(node, InProcess.user(user));
        client.joinOk("1", "chat", LOBBY);
        return client;
    }

    @Test
    void tlsWithAPasswordWorksAndThePasswordIsNeverLogged(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl made a certificate");
        try (RedisServer redis = RedisServer.startTls(cert, key, "s3cret-pw");
                Nodes nodes = new Nodes()) {
            // a self-signed certificate: a CA-signed one is verified against the JVM's trust store by default
            String uri = "rediss://:s3cret-pw@127.0.0.1:" + redis.port() + "?verifyPeer=NONE";
            ChannelClient ann = chatter(nodes.start(uri), "ann");
            ChannelClient bob = chatter(nodes.start(uri), "bob");
            ann.send("1", "{\"text\":\"over TLS\"}");
            assertEquals("over TLS", bob.await("message").getJsonObject("data").getString("text"));
        }
        assertTrue(
                log.messages().stream()
                        .anyMatch(m -> m.startsWith("MIZAN-190") && m.contains("rediss://***@127.0.0.1")),
                () -> log.messages().toString());
        assertTrue(log.messages().stream().noneMatch(m -> m.contains("s3cret-pw")), () -> log.messages()
                .toString());
    }

    @Test
    void aWrongPasswordIsLoggedWithoutItAndTheNodeServesItsOwnSockets() {
        try (RedisServer redis = RedisServer.start("--requirepass", "right-one");
                Nodes nodes = new Nodes()) {
            ChannelHub node = nodes.start("redis://:wrong-one@127.0.0.1:" + redis.port());
            ChannelClient ann = chatter(node, "ann");
            ann.send("1", "{\"text\":\"alone\"}");
            assertEquals("alone", ann.await("message").getJsonObject("data").getString("text"));
        }
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("MIZAN-191")), () -> log.messages()
                .toString());
        assertTrue(
                log.messages().stream().noneMatch(m -> m.contains("wrong-one") || m.contains("right-one")),
                () -> log.messages().toString());
    }

    @Test
    void garbageOnTheBusIsLoggedAndSkipped() {
        try (RedisServer redis = RedisServer.start();
                Nodes nodes = new Nodes()) {
            ChannelClient ann = chatter(nodes.start(redis.uri()), "ann");
            ChannelClient bob = chatter(nodes.start(redis.uri()), "bob");
            RedisClient raw = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = raw.connect()) {
                for (String garbage :
                        List.of("", "not json", "[\"m\",\"x\"]", "[\"p\",\"x\",\"c\",\"g\",5,1,1]", "[1,2]\n{}")) {
                    connection.sync().publish(nodes.prefix + ":bus", garbage);
                }
            } finally {
                raw.shutdown();
            }
            ann.send("1", "{\"text\":\"after the garbage\"}");
            JsonObject heard = bob.await("message");
            assertEquals("after the garbage", heard.getJsonObject("data").getString("text"));
        }
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("MIZAN-193")), () -> log.messages()
                .toString());
    }

    @Test
    void withoutAUriNothingConnectsAndNoThreadStarts() throws Exception {
        awaitNoRelayThreads(); // those of other tests' nodes, stopped
        try (InProcess.Deployment node = InProcess.start(ChatChannel.class)) {
            ChannelClient ann = chatter(node.bean(ChannelHub.class), "ann");
            ann.send("1", "{\"text\":\"alone\"}");
            assertEquals("alone", ann.await("message").getJsonObject("data").getString("text"));
            assertEquals(List.of(), relayThreads());
        }
        assertTrue(log.messages().stream().noneMatch(m -> m.startsWith("MIZAN-19")), () -> log.messages()
                .toString());
    }

    @Test
    void aStoppedNodeLeavesNoThreadBehind() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Nodes nodes = new Nodes();
            chatter(nodes.start(redis.uri()), "ann");
            assertFalse(relayThreads().isEmpty(), "a node with Redis has its threads");
            nodes.close();
            awaitNoRelayThreads();
        }
    }

    private static void awaitNoRelayThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!relayThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), relayThreads(), "threads left by a stopped node");
    }

    private static List<String> relayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("lettuce") || n.startsWith("mizan-relay"))
                .sorted()
                .toList();
    }
}
