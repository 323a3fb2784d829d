package io.mizan.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * A Zod schema expression: a root ({@code z}, {@code addressSchema}) and a chain of calls
 * ({@code .string()}, {@code .max(80, ...)}), so a long chain can be broken one call per line.
 */
record ZodExpr(String root, List<String> calls) {

    ZodExpr {
        calls = List.copyOf(calls);
    }

    static ZodExpr of(String root, String... calls) {
        return new ZodExpr(root, List.of(calls));
    }

    /** This expression with one more call, such as {@code .nullable()}. */
    ZodExpr call(String call) {
        List<String> more = new ArrayList<>(calls);
        more.add(call);
        return new ZodExpr(root, more);
    }

    /** The expression on one line. */
    String inline() {
        return root + String.join("", calls);
    }

    /**
     * The expression after {@code prefix} on a line that starts with {@code indent}, ending with
     * {@code suffix}: on one line when it fits, else one call per line as Prettier breaks chains.
     */
    String render(String indent, String prefix, String suffix) {
        String inline = indent + prefix + inline() + suffix;
        if (inline.length() <= TsSource.WIDTH || calls.size() < 2) {
            return inline;
        }
        // z.string() stays whole when the root is z: the chain starts at the first real call
        String head = root.equals("z") ? root + calls.get(0) : root;
        List<String> rest = root.equals("z") ? calls.subList(1, calls.size()) : calls;
        if (rest.isEmpty()) {
            return inline;
        }
        StringBuilder out = new StringBuilder(indent).append(prefix).append(head);
        for (String call : rest) {
            out.append('\n').append(indent).append("  ").append(call);
        }
        return out.append(suffix).toString();
    }
}
