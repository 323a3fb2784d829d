package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class DependencyOrderTest {

    @Test
    void dependenciesComeFirstAndCyclesStayTogether() {
        Map<String, List<String>> edges = Map.of(
                "Address", List.of(),
                "Folder", List.of("Folder"),
                "Node", List.of("Tree"),
                "Signup", List.of("Address"),
                "Tree", List.of("Node", "Address"));
        assertEquals(
                List.of(List.of("Address"), List.of("Folder"), List.of("Node", "Tree"), List.of("Signup")),
                DependencyOrder.of(List.of("Address", "Folder", "Node", "Signup", "Tree"), edges::get));
    }

    @Test
    void aNameIsVisitedBeforeTheNamesThatUseItWhateverTheInputOrder() {
        Map<String, List<String>> edges = Map.of("A", List.of("B"), "B", List.of("C"), "C", List.of());
        assertEquals(
                List.of(List.of("C"), List.of("B"), List.of("A")),
                DependencyOrder.of(List.of("A", "B", "C"), edges::get));
    }
}
