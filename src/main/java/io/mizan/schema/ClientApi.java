package io.mizan.schema;

import io.mizan.model.ChannelModel;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The part of a {@link Model} a browser sees: the functions it may call over HTTP, the channels it
 * may join, and the types they reach. View-path methods (their own JAX-RS responses) and {@code serverOnly} functions are
 * left out, and so are the types only they use, so the schema and the generated code never
 * describe what the server refuses to serve.
 *
 * <pre>{@code
 * ClientApi api = ClientApi.of(model);
 * api.functions();   // updateName, currentUser, greet, ... sorted by name
 * api.channels();    // chat, ... sorted by name
 * api.types();       // UserView, Greeting, Room, ChatMessage, ... sorted by name
 * api.inputTypes();  // the names reached from arguments and channels, which get validation schemas
 * }</pre>
 */
public final class ClientApi {

    private final List<FunctionModel> functions;
    private final List<ChannelModel> channels;
    private final List<FormModel> forms;
    private final SortedMap<String, TypeDef> types;
    private final SortedSet<String> inputTypes;

    private ClientApi(
            List<FunctionModel> functions,
            List<ChannelModel> channels,
            List<FormModel> forms,
            SortedMap<String, TypeDef> types,
            SortedSet<String> inputTypes) {
        this.functions = functions;
        this.channels = channels;
        this.forms = forms;
        this.types = types;
        this.inputTypes = inputTypes;
    }

    public static ClientApi of(Model model) {
        List<FormModel> forms = List.copyOf(model.forms().values());
        List<FunctionModel> functions = model.functions().values().stream()
                .filter(f -> !f.viewPath() && !f.serverOnly())
                .filter(f -> model.formSubmittedBy(f).isEmpty()) // a form's submit is called through its form
                .toList();
        SortedSet<String> inputs = new TreeSet<>();
        SortedSet<String> all = new TreeSet<>();
        List<FunctionModel> reached = new java.util.ArrayList<>(functions);
        forms.forEach(form -> reached.add(form.submit()));
        for (FunctionModel f : reached) {
            for (ParamModel p : f.arguments()) {
                reach(model, p.type(), inputs);
            }
            if (f.result() != null) {
                reach(model, f.result(), all);
            }
        }
        List<ChannelModel> channels = List.copyOf(model.channels().values());
        for (ChannelModel c : channels) {
            // a browser sends both: the params when it joins, messages (where the handler takes them)
            reach(model, c.params(), inputs);
            reach(model, c.message(), inputs);
        }
        all.addAll(inputs);
        SortedMap<String, TypeDef> types = new TreeMap<>();
        for (String name : all) {
            types.put(name, model.types().get(name));
        }
        return new ClientApi(
                functions,
                channels,
                forms,
                Collections.unmodifiableSortedMap(types),
                Collections.unmodifiableSortedSet(inputs));
    }

    /** The functions the browser may call, sorted by name. */
    public List<FunctionModel> functions() {
        return functions;
    }

    /** The channels the browser may join, sorted by name. */
    public List<ChannelModel> channels() {
        return channels;
    }

    /** The forms, sorted by name; their submits are not among {@link #functions()}. */
    public List<FormModel> forms() {
        return forms;
    }

    /** The named types those functions, channels and forms reach, by name. */
    public SortedMap<String, TypeDef> types() {
        return types;
    }

    /** The names of the types reached from arguments, channel params and messages (what the browser sends). */
    public SortedSet<String> inputTypes() {
        return inputTypes;
    }

    /** Calls {@code action} with the name of every named type a type refers to directly. */
    public static void names(TypeRef type, Consumer<String> action) {
        if (type instanceof TypeRef.EnumRef e) {
            action.accept(e.name());
        } else if (type instanceof TypeRef.ObjectRef o) {
            action.accept(o.name());
            o.arguments().forEach(a -> names(a, action));
        } else if (type instanceof TypeRef.ListOf l) {
            names(l.item(), action);
        } else if (type instanceof TypeRef.MapOf m) {
            names(m.key(), action);
            names(m.value(), action);
        } else if (type instanceof TypeRef.Nullable n) {
            names(n.inner(), action);
        }
    }

    private static void reach(Model model, TypeRef start, SortedSet<String> seen) {
        Deque<TypeRef> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            names(todo.pop(), name -> {
                if (seen.add(name) && model.types().get(name) instanceof TypeDef.ObjectDef o) {
                    for (PropertyModel p : o.properties()) {
                        todo.push(p.type());
                    }
                }
            });
        }
    }
}
