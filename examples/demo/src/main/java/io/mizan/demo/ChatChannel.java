package io.mizan.demo;

import io.mizan.Broadcaster;
import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import io.mizan.MizanException;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.time.Instant;

/** A chat room: signed-in users talk to everyone in the room and see who is there. */
@ApplicationScoped
@Channel(value = "chat", presence = true)
public class ChatChannel implements ChannelHandler<ChatChannel.Room, ChatChannel.ChatMessage> {

    /** Which room to join. */
    public record Room(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,20}") String room) {
    }

    /**
     * A chat message. A client sends only the text; the server fills in the author (the signed-in
     * user) and the time, whatever the client put there.
     */
    public record ChatMessage(@NotBlank @Size(max = 500) String text, @Nullable String author, @Nullable Instant sent) {
    }

    @Inject
    Broadcaster broadcaster;

    /** Only signed-in users join (an anonymous socket gets an error frame with status 401). */
    @Override
    public boolean authorize(Room params, ChannelSession<ChatMessage> session) {
        return session.user().isPresent();
    }

    @Override
    public String group(Room params) {
        return "chat_" + params.room();
    }

    /** Relays a message to the room, authored by the socket's user, never by a name the client sent. */
    @Override
    public void receive(Room params, ChatMessage message, ChannelSession<ChatMessage> session) {
        String author = session.user().map(Principal::getName).orElseThrow();
        String text = Texts.trimmed(message.text());
        if (text.isEmpty()) { // @NotBlank trims only up to U+0020
            throw MizanException.invalid("data.text", "must not be blank"); // the path Bean Validation gives it
        }
        broadcaster.send(ChatChannel.class, group(params), new ChatMessage(text, author, Instant.now()));
    }
}
