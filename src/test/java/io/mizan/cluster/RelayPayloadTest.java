package io.mizan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class RelayPayloadTest {

    private static RelayPayload roundTrip(RelayPayload payload) throws Exception {
        return RelayPayload.read(RelayPayload.write(payload));
    }

    @Test
    void everyKindIsReadBackAsItWasWritten() throws Exception {
        List<RelayPayload> payloads = List.of(
                new RelayPayload.Message("n1", "chat", "chat_lobby", "{\"text\":\"a\\nb\"}"),
                new RelayPayload.Message("n1", "chat", "line\nbreak \"quoted\" \\ \u0001", "[1,2]"),
                new RelayPayload.Invalidation("n2", List.of("notes;board=general", "inbox", "q\"uote\n")),
                new RelayPayload.Invalidation("n2", List.of()),
                new RelayPayload.PresenceCount("n3", "lobby", "hall", "ann", 2, 17),
                new RelayPayload.PresenceCount("n3", "lobby", "hall", null, 0, Long.MAX_VALUE),
                new RelayPayload.Gone("n4"));
        for (RelayPayload payload : payloads) {
            assertEquals(payload, roundTrip(payload), RelayPayload.write(payload));
        }
    }

    @Test
    void aMessagesDataTravelsAsItWasEncoded() {
        assertEquals(
                "[\"m\",\"n1\",\"chat\",\"g\"]\n{\"text\":\"hi\"}",
                RelayPayload.write(new RelayPayload.Message("n1", "chat", "g", "{\"text\":\"hi\"}")));
        assertEquals(
                "[\"p\",\"n\",\"c\",\"g\",null,1,5]",
                RelayPayload.write(new RelayPayload.PresenceCount("n", "c", "g", null, 1, 5)));
        assertEquals("[\"g\",\"n\"]", RelayPayload.write(new RelayPayload.Gone("n")));
    }

    @Test
    void garbageIsUnreadableNeverAnotherException() {
        List<String> garbage = List.of(
                "",
                "not json",
                "{}",
                "[]",
                "[\"m\"]",
                "[\"m\",\"n\",\"c\"]\n{}",
                "[\"m\",\"n\",\"c\",\"g\"]",
                "[\"i\",\"n\"]",
                "[\"i\",\"n\"]\n{}",
                "[\"i\",\"n\"]\n[1]",
                "[\"i\",\"n\"]\nnot json",
                "[\"p\",\"n\",\"c\",\"g\",5,1,1]",
                "[\"p\",\"n\",\"c\",\"g\",\"u\",1.5,1]",
                "[\"p\",\"n\",\"c\",\"g\",\"u\",-1,1]",
                "[\"p\",\"n\",\"c\",\"g\",\"u\",1]",
                "[\"x\",\"n\"]",
                "[1,\"n\"]",
                "[\"g\",2]");
        for (String text : garbage) {
            assertThrows(RelayPayload.Unreadable.class, () -> RelayPayload.read(text), text);
        }
    }
}
