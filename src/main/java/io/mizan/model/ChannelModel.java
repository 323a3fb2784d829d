package io.mizan.model;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One channel, as read from its {@code @Channel} handler class at deployment.
 *
 * @param name the channel's name
 * @param handlerClass the bean class implementing {@code ChannelHandler}
 * @param paramsType the join parameters' Java type (a record)
 * @param params their JSON type
 * @param messageType the message's Java type
 * @param message its JSON type
 * @param presence whether members see who else is in their group
 */
public record ChannelModel(
        String name,
        Class<?> handlerClass,
        Type paramsType,
        TypeRef params,
        Type messageType,
        TypeRef message,
        boolean presence) {

    public ChannelModel {
        Objects.requireNonNull(name);
    }

    /** How it reads in messages: the handler class's name. */
    public String where() {
        return handlerClass.getName();
    }
}
