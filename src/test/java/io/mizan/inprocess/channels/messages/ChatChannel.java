package io.mizan.inprocess.channels.messages;

import io.mizan.Broadcaster;
import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import io.mizan.MizanException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.Principal;

/**
 * A chat that relays what a client says to its room through the broadcaster, with the speaker as
 * author. A few lines do something else: {@code whoami} is answered to the sender's join alone,
 * {@code closed} is refused with the application's own code, {@code boom} fails.
 */
@ApplicationScoped
@Channel("chat")
public class ChatChannel implements ChannelHandler<Room, ChatMessage> {

    @Inject
    Broadcaster broadcaster;

    @Override
    public boolean authorize(Room params, ChannelSession<ChatMessage> session) {
        return true;
    }

    @Override
    public String group(Room params) {
        return "chat_" + params.room();
    }

    @Override
    public void receive(Room params, ChatMessage message, ChannelSession<ChatMessage> session) {
        String author = session.user().map(Principal::getName).orElse(null);
        switch (message.text()) {
            case "whoami" -> session.send(new ChatMessage("you are " + author, "server"));
            case "closed" -> throw MizanException.withCode(409, "ROOM_CLOSED", "The room is closed");
            case "boom" -> throw new IllegalStateException("the chat store is down");
            default -> broadcaster.send(ChatChannel.class, group(params), new ChatMessage(message.text(), author));
        }
    }
}
