package io.mizan.model;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.messages.Messages;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a {@code @Channel} handler class into a {@link ChannelModel}, reporting what is wrong with it. */
final class ChannelReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TypeMapper types;
    private final List<String> problems;

    ChannelReader(TypeMapper types, List<String> problems) {
        this.types = types;
        this.problems = problems;
    }

    /** Whether the class is a channel handler, so that it belongs in the model. */
    static boolean declared(Class<?> c) {
        return c.isAnnotationPresent(Channel.class);
    }

    /** The channel, or empty when it has a problem (reported). */
    Optional<ChannelModel> read(Class<?> handler) {
        Channel channel = handler.getAnnotation(Channel.class);
        String where = handler.getName();
        if (!NAME.matcher(channel.value()).matches()) {
            problems.add(Messages.channelNameNotIdentifier(where, channel.value()));
            return Optional.empty();
        }
        if (!ChannelHandler.class.isAssignableFrom(handler)) {
            problems.add(Messages.channelWithoutHandler(where));
            return Optional.empty();
        }
        Type[] arguments = handlerArguments(handler);
        if (arguments == null || !(arguments[0] instanceof Class<?>) || !concrete(arguments[1])) {
            problems.add(Messages.channelTypesNotConcrete(where));
            return Optional.empty();
        }
        Class<?> params = (Class<?>) arguments[0];
        if (!params.isRecord() || params.getTypeParameters().length > 0) {
            problems.add(Messages.channelParamsNotRecord(where, params.getName()));
            return Optional.empty();
        }
        try {
            TypeRef paramsRef = types.map(params, false, true);
            TypeRef messageRef = types.map(arguments[1], false, true);
            types.map(arguments[1], false, false); // written as well as read
            for (Type validated : arguments) { // each validated whole
                ValidCascade.Gap gap = validated instanceof Class<?> c ? ValidCascade.inValue(c) : null;
                if (gap != null) {
                    problems.add(Messages.constraintsNeverChecked(where, gap.holder(), gap.constrained()));
                }
            }
            return Optional.of(new ChannelModel(
                    channel.value(), handler, params, paramsRef, arguments[1], messageRef, channel.presence()));
        } catch (TypeMapper.UnsupportedTypeException e) {
            problems.add(Messages.channelTypeNotJson(where, e.getMessage()));
            return Optional.empty();
        }
    }

    /** {@code P} and {@code M} of the {@code ChannelHandler<P, M>} the class implements, or {@code null}. */
    private static Type[] handlerArguments(Class<?> handler) {
        for (Class<?> c = handler; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == ChannelHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        return null;
    }

    private static boolean concrete(Type type) {
        if (type instanceof Class<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (!concrete(argument)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
