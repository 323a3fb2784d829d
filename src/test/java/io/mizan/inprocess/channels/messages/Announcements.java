package io.mizan.inprocess.channels.messages;

import io.mizan.Auth;
import io.mizan.Broadcaster;
import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;

/** A mutation that speaks on a channel: what a staff member announces reaches everyone in the room. */
@ApplicationScoped
public class Announcements {

    @Inject
    Broadcaster broadcaster;

    @Client(auth = Auth.AUTHENTICATED)
    public void announce(@NotBlank String room, @NotBlank String text) {
        broadcaster.send(ChatChannel.class, "chat_" + room, new ChatMessage(text, "system"));
    }
}
