package io.mizan.it.channels;

import io.mizan.Broadcaster;
import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A chat: signed-in users talk in rooms; the room "staff" is for staff; "public" lets anyone listen. */
@ApplicationScoped
@Channel(value = "chat", presence = true)
public class ChatChannel implements ChannelHandler<ChatChannel.Room, ChatChannel.ChatMessage> {

    public record Room(@NotBlank @Pattern(regexp = "[a-z]+") String room) {}

    public record ChatMessage(@NotBlank @Size(max = 200) String text, @Nullable String author) {}

    @Inject
    Broadcaster broadcaster;

    @Override
    public boolean authorize(Room params, ChannelSession<ChatMessage> session) {
        if (params.room().equals("public")) {
            return true;
        }
        if (params.room().equals("staff")) {
            return session.isUserInRole("staff");
        }
        return session.user().isPresent();
    }

    @Override
    public String group(Room params) {
        return "chat_" + params.room();
    }

    @Override
    public void receive(Room params, ChatMessage message, ChannelSession<ChatMessage> session) {
        String author = session.user().map(java.security.Principal::getName).orElse("anonymous");
        broadcaster.send(ChatChannel.class, group(params), new ChatMessage(message.text(), author));
    }
}
