package io.mizan.model;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every server function and the types they use, built once at deployment (or by the code generator
 * from compiled classes). The dispatcher, the manifest, the schema and the generator read this; none
 * of them reads annotations.
 */
public final class Model {

    private final SortedMap<String, FunctionModel> functions;
    private final SortedMap<String, TypeDef> types;
    private final Map<Method, FunctionModel> byMethod;
    private final SortedMap<String, ChannelModel> channels = new TreeMap<>();
    private final Map<Class<?>, ChannelModel> channelsByHandler = new HashMap<>();
    private final SortedMap<String, FormModel> forms = new TreeMap<>();
    private final Map<String, FormModel> formsBySubmit = new HashMap<>();

    public Model(Collection<FunctionModel> functions, Collection<TypeDef> types) {
        this(functions, List.of(), types);
    }

    public Model(Collection<FunctionModel> functions, Collection<ChannelModel> channels, Collection<TypeDef> types) {
        this(functions, channels, List.of(), types);
    }

    public Model(
            Collection<FunctionModel> functions,
            Collection<ChannelModel> channels,
            Collection<FormModel> forms,
            Collection<TypeDef> types) {
        for (FormModel form : forms) {
            this.forms.put(form.name(), form);
            this.formsBySubmit.put(form.submit().name(), form);
        }
        for (ChannelModel channel : channels) {
            this.channels.put(channel.name(), channel);
            this.channelsByHandler.put(channel.handlerClass(), channel);
        }
        this.functions = new TreeMap<>();
        this.byMethod = new HashMap<>();
        for (FunctionModel function : functions) {
            this.functions.put(function.name(), function);
            this.byMethod.put(function.method(), function);
        }
        this.types = new TreeMap<>();
        for (TypeDef type : types) {
            this.types.put(type.name(), type);
        }
    }

    /** Every function by name, sorted. */
    public SortedMap<String, FunctionModel> functions() {
        return java.util.Collections.unmodifiableSortedMap(functions);
    }

    /** Every named type by name, sorted. */
    public SortedMap<String, TypeDef> types() {
        return java.util.Collections.unmodifiableSortedMap(types);
    }

    public Optional<FunctionModel> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** The function a Java method implements, for the interceptor. */
    public Optional<FunctionModel> function(Method method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /** Every channel by name, sorted. */
    public SortedMap<String, ChannelModel> channels() {
        return java.util.Collections.unmodifiableSortedMap(channels);
    }

    public Optional<ChannelModel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** The channel a handler class implements, for the broadcaster. */
    public Optional<ChannelModel> channel(Class<?> handlerClass) {
        return Optional.ofNullable(channelsByHandler.get(handlerClass));
    }

    /** Every form by name, sorted. */
    public SortedMap<String, FormModel> forms() {
        return java.util.Collections.unmodifiableSortedMap(forms);
    }

    public Optional<FormModel> form(String name) {
        return Optional.ofNullable(forms.get(name));
    }

    /** The form a function submits, when it is a form's {@code <name>.submit}. */
    public Optional<FormModel> formSubmittedBy(FunctionModel function) {
        FormModel form = formsBySubmit.get(function.name());
        return form != null && form.submit().method().equals(function.method()) ? Optional.of(form) : Optional.empty();
    }

    /** The contexts, sorted by name. */
    public List<FunctionModel> contexts() {
        return functions.values().stream().filter(FunctionModel::isContext).toList();
    }
}
