package io.mizan.inprocess.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.inprocess.channels.messages.ChatChannel;
import io.mizan.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The core as a server runs it, with the server's {@code OpenTelemetry} bean: the invoker finds it
 * through CDI once the application says {@code otel.sdk.disabled=false}, and channel frames become
 * spans with the status of their answer.
 */
class ChannelTelemetryTest {

    @BeforeEach
    void forget() {
        ServerOpenTelemetry.SPANS.reset();
    }

    static List<String> observed() {
        return ServerOpenTelemetry.SPANS.getFinishedSpanItems().stream()
                .map(s -> s.getName() + " " + s.getKind() + " "
                        + s.getAttributes().get(AttributeKey.longKey("mizan.status")))
                .toList();
    }

    @Test
    void joinsAndMessagesAreSpansWithTheirOutcome() {
        try (InProcess.Deployment d = InProcess.start(
                Map.of("otel.sdk.disabled", "false", "mizan.telemetry.metrics", "none"),
                ChatChannel.class,
                ServerOpenTelemetry.class)) {
            assertEquals(
                    "spans through OpenTelemetry, metrics off",
                    d.invoker().telemetry().describe());
            ChannelClient ann = ChannelClient.open(d.bean(ChannelHub.class), InProcess.user("ann"));
            ann.joinOk("1", "chat", "{\"room\":\"lobby\"}");
            ann.send("1", "{\"text\":\"hi\"}");
            ann.send("1", "{\"text\":\"\"}");
            ann.send("1", "{\"text\":\"closed\"}");
            ann.send("1", "{\"text\":\"boom\"}");
            ann.join("2", "nosuch", "{}"); // refused, and not a name to count
            ann.send("9", "{\"text\":\"hi\"}"); // no such join
            ann.leave("1");
            assertEquals(
                    List.of(
                            "mizan channel chat join SERVER 200",
                            "mizan channel chat receive SERVER 200",
                            "mizan channel chat receive SERVER 422",
                            "mizan channel chat receive SERVER 409",
                            "mizan channel chat receive SERVER 500"),
                    observed());
        }
    }

    @Test
    void withoutTheApplicationsSwitchNothingIsRecorded() {
        try (InProcess.Deployment d = InProcess.start(ChatChannel.class, ServerOpenTelemetry.class)) {
            assertSame(Telemetry.OFF, d.invoker().telemetry());
            ChannelClient ann = ChannelClient.open(d.bean(ChannelHub.class), InProcess.user("ann"));
            ann.joinOk("1", "chat", "{\"room\":\"lobby\"}");
            assertEquals(List.of(), observed());
        }
    }
}
