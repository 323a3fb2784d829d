package io.mizan.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders names so that each comes after the names it depends on, grouping names that depend on each
 * other (a cycle) together: the order in which schemas.ts defines its constants, so each is defined
 * after the ones it uses and only the references inside a cycle need {@code z.lazy}.
 *
 * <pre>{@code
 * // Folder -> Folder, Tree -> Node -> Tree, Signup -> Address
 * DependencyOrder.of(List.of("Address", "Folder", "Node", "Signup", "Tree"), edges)
 *   // [[Address], [Folder], [Node, Tree], [Signup]]
 * }</pre>
 *
 * <p>Tarjan's algorithm for strongly connected components, visiting names in the order given, so the
 * result is stable.
 */
final class DependencyOrder {

    private final Function<String, ? extends Collection<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<List<String>> result = new ArrayList<>();

    private DependencyOrder(Function<String, ? extends Collection<String>> edges) {
        this.edges = edges;
    }

    /**
     * @param nodes the names, in the order to visit them
     * @param edges the names each one refers to, in the order to visit them
     * @return the groups (a name alone, or the names of one cycle), each sorted; a group comes after every
     *         group it refers to
     */
    static List<List<String>> of(Collection<String> nodes, Function<String, ? extends Collection<String>> edges) {
        DependencyOrder c = new DependencyOrder(edges);
        for (String node : nodes) {
            if (!c.index.containsKey(node)) {
                c.visit(node);
            }
        }
        return c.result;
    }

    private void visit(String node) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : edges.apply(node)) {
            if (!index.containsKey(next)) {
                visit(next);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            component.sort(null);
            result.add(component);
        }
    }
}
