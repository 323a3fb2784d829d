package io.mizan.codegen;

import io.mizan.messages.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names the generated files export, each claimed once: {@code index.ts} re-exports every file, so
 * two exports with one name would collide there.
 *
 * <pre>{@code
 * exports.claim("UpdateNameArgs", "types.ts", "the arguments type of the function com.example.Users.updateName");
 * exports.claim("useUpdateName", "hooks.ts", "the hook of the function com.example.Users.updateName");
 * exports.fileOf("useUpdateName");   // Optional[hooks.ts]
 * exports.problems();                // one MIZAN-030 line per name taken twice, naming both owners and the fix
 * }</pre>
 */
final class Exports {

    /** Exported name to what takes it. */
    private final Map<String, String> owners = new TreeMap<>();
    /** Exported name to the file that exports it. */
    private final Map<String, String> files = new HashMap<>();

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code file} exports {@code name} for {@code what}, or a problem when it is taken. */
    void claim(String name, String file, String what) {
        String other = owners.putIfAbsent(name, what);
        if (other != null) {
            problems.add(Messages.generatedNameTakenTwice(name, other, what));
        } else {
            files.put(name, file);
        }
    }

    /** Records a name that cannot be written at all, such as a reserved word. */
    void refuse(String problem) {
        problems.add(problem);
    }

    /** The file that exports a name. */
    Optional<String> fileOf(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The names {@code file} exports. */
    List<String> namesIn(String file) {
        return files.entrySet().stream()
                .filter(e -> e.getValue().equals(file))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
