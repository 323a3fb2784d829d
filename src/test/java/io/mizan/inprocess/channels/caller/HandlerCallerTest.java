package io.mizan.inprocess.channels.caller;

import static io.mizan.inprocess.channels.ChannelClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

/**
 * A handler runs as its socket's caller: the functions it calls in-process are checked against the
 * user the handshake established, not against the container's (nobody, on a socket's thread).
 */
class HandlerCallerTest {

    @Test
    void aFunctionCalledByAHandlerSeesTheSocketsUser() {
        try (InProcess.Deployment deployment = InProcess.start(Desk.class, Desk.Ledger.class)) {
            ChannelHub hub = deployment.bean(ChannelHub.class);
            ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
            ann.joinOk("1", "desk", "{\"counter\":\"a\"}");
            ann.send("1", "{\"text\":\"hi\"}");
            assertEquals("recorded hi", ann.one().getJsonObject("data").getString("text"));

            ChannelClient nobody = ChannelClient.open(hub, Caller.ANONYMOUS);
            nobody.joinOk("1", "desk", "{\"counter\":\"a\"}");
            nobody.send("1", "{\"text\":\"hi\"}");
            assertError(nobody.one(), "1", 401, "MIZAN-140");
        }
    }
}
