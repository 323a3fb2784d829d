package io.mizan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a CDI bean implementing {@link ChannelHandler} a channel: browsers join it over the page's
 * one WebSocket with typed parameters, and receive (and, if the handler takes them, send) typed
 * messages within a group.
 *
 * <pre>{@code
 * public record Room(@NotBlank String room) {}
 * public record ChatMessage(@NotBlank @Size(max = 500) String text, String author) {}
 *
 * @ApplicationScoped
 * @Channel(value = "chat", presence = true)
 * public class ChatChannel implements ChannelHandler<Room, ChatMessage> {
 *     @Inject Broadcaster broadcaster;
 *
 *     public boolean authorize(Room params, ChannelSession<ChatMessage> session) {
 *         return session.user().isPresent();
 *     }
 *
 *     public String group(Room params) {
 *         return "chat_" + params.room();
 *     }
 *
 *     public void receive(Room params, ChatMessage message, ChannelSession<ChatMessage> session) {
 *         broadcaster.send(ChatChannel.class, group(params),
 *                 new ChatMessage(message.text(), session.user().orElseThrow().getName()));
 *     }
 * }
 * }</pre>
 *
 * The generated client has {@code useChatChannel({ room })} with the messages, {@code send}, the
 * connection status and, with {@link #presence()}, who is there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Channel {

    /** The channel's name on the wire and in generated code: letters, digits and {@code _}. */
    String value();

    /** Whether members see who else is in their group: a {@code presence} frame, then diffs. */
    boolean presence() default false;
}
