package io.mizan.inprocess.channeldefs;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Channel handlers with one mistake each, as a user could make them. */
public final class Broken {

    private Broken() {}

    public record Room(String room) {}

    public record Text(String text) {}

    /** A handler base that leaves the types open. */
    public abstract static class Base<P, M> implements ChannelHandler<P, M> {
        @Override
        public boolean authorize(P params, ChannelSession<M> session) {
            return true;
        }

        @Override
        public String group(P params) {
            return "all";
        }
    }

    /** MIZAN-036: not a handler. */
    @ApplicationScoped
    @Channel("lost")
    public static class NotAHandler {}

    /** MIZAN-037: a name with a dash. */
    @ApplicationScoped
    @Channel("chat-room")
    public static class BadName extends Base<Room, Text> implements ChannelHandler<Room, Text> {}

    /** MIZAN-038, with {@link Second}: one name twice. */
    @ApplicationScoped
    @Channel("twice")
    public static class First extends Base<Room, Text> implements ChannelHandler<Room, Text> {}

    @ApplicationScoped
    @Channel("twice")
    public static class Second extends Base<Room, Text> implements ChannelHandler<Room, Text> {}

    /** MIZAN-039: the types are type variables. */
    @ApplicationScoped
    @Channel("open")
    @SuppressWarnings("rawtypes")
    public static class OpenTypes extends Base {}

    /** MIZAN-040: the parameters are a list, not a record. */
    @ApplicationScoped
    @Channel("listed")
    public static class ListParams extends Base<String, Text> implements ChannelHandler<String, Text> {}

    /** MIZAN-041: the message cannot be JSON. */
    @ApplicationScoped
    @Channel("opaque")
    public static class OpaqueMessage extends Base<Room, Object> implements ChannelHandler<Room, Object> {}

    /** A sound one, to show the others fail for their own reason. */
    @ApplicationScoped
    @Channel("fine")
    public static class Fine extends Base<Room, List<Text>> implements ChannelHandler<Room, List<Text>> {}
}
