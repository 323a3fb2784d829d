package io.mizan.codegen;

import io.mizan.model.ChannelModel;
import io.mizan.schema.ClientApi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code channels.ts}: a React hook per {@code @Channel}, over the runtime's {@code useChannel},
 * and a constant that names the channel for tools.
 *
 * <pre>{@code
 * export const chatChannel = { name: 'chat', presence: true } as const;
 * export function useChatChannel(params: Room, options?: ChannelOptions<ChatMessage>): ChannelState<ChatMessage>
 *
 * const chat = useChatChannel({ room: 'lobby' });  // { messages, send, status, members, error }
 * }</pre>
 */
final class ChannelsWriter implements ModuleWriter {

    static final String FILE = "channels.ts";

    /** What channels.ts uses besides the application's types, which an imported type must not shadow. */
    private static final Set<String> RUNTIME_NAMES = Set.of("ChannelOptions", "ChannelState", "useChannel");

    /** {@code useChatChannel}. */
    static String hook(ChannelModel c) {
        return "use" + TsNames.upperFirst(c.name()) + "Channel";
    }

    /** {@code chatChannel}: the constant that describes the channel. */
    static String constant(ChannelModel c) {
        return TsNames.lowerFirst(c.name()) + "Channel";
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        for (ChannelModel c : generation.api().channels()) {
            String what = "the channel " + c.name() + " (" + c.where() + ")";
            exports.claim(constant(c), FILE, "the constant of " + what);
            exports.claim(hook(c), FILE, "the hook of " + what);
        }
    }

    @Override
    public String write(Generation generation) {
        List<ChannelModel> channels = generation.api().channels();
        TsSource source = new TsSource();
        Set<String> taken = new HashSet<>(TypeImports.GLOBALS);
        taken.addAll(RUNTIME_NAMES);
        Set<String> referenced = new TreeSet<>();
        for (ChannelModel c : channels) {
            taken.add(hook(c));
            taken.add(constant(c));
            ClientApi.names(c.params(), referenced::add);
            ClientApi.names(c.message(), referenced::add);
        }
        TypeImports types = new TypeImports(source, referenced, taken);
        TsTypes ts = types.renderer();
        for (ChannelModel c : channels) {
            source.block(TsSource.doc(
                            "", "The channel " + c.name() + ": its name on the wire, and whether it has presence.")
                    + "\nexport const " + constant(c) + " = { name: " + TsNames.string(c.name()) + ", presence: "
                    + c.presence() + " } as const;");
            String params = ts.render(c.params());
            String message = ts.render(c.message());
            String options = "options?: " + source.type(TsModules.RUNTIME, "ChannelOptions") + "<" + message + ">";
            String returns = source.type(TsModules.RUNTIME, "ChannelState") + "<" + message + ">";
            String summary = generation
                    .docs()
                    .summary(c)
                    .orElse("Joins the channel " + c.name()
                            + ": the messages of its group, send() to it, and the connection status.");
            String presence = c.presence()
                    ? "With presence: members lists who is in the group."
                    : "No presence: members stays empty.";
            source.block(TsSource.docWrapped("", summary + " " + presence) + "\n"
                    + TsSource.wrapped(
                            "",
                            "export function " + hook(c),
                            List.of("params: " + params, options),
                            ": " + returns + " {")
                    + "\n  return " + source.value(TsModules.RUNTIME, "useChannel") + "<" + params + ", " + message
                    + ">(" + TsNames.string(c.name()) + ", params, options);\n}");
        }
        return source.text();
    }
}
