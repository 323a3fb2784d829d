package io.mizan.codegen;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's types as another generated file imports them from {@code types.ts}: under their
 * own name, or, when the file already uses that name ({@code Promise}, {@code MizanClient}), under
 * another ({@code import type { Promise as PromiseType } from './types'}).
 *
 * <pre>{@code
 * TypeImports types = new TypeImports(source, Set.of("Promise", "UserView"), Set.of("Promise"));
 * types.use("UserView");  // "UserView", and the file imports it
 * types.use("Promise");   // "PromiseType"
 * }</pre>
 */
final class TypeImports {

    /** The TypeScript globals that the API and hooks files spell out, which no imported type may shadow. */
    static final Set<String> GLOBALS = Set.of("Promise", "Record", "Partial");

    private final TsSource source;
    private final Map<String, String> local = new TreeMap<>();

    /**
     * @param source the file that imports
     * @param types the types it may import
     * @param taken the names the file already uses: its own exports and what it imports from elsewhere
     */
    TypeImports(TsSource source, Set<String> types, Set<String> taken) {
        this.source = source;
        Set<String> used = new HashSet<>(taken);
        for (String type : new TreeSet<>(types)) {
            String name = type;
            for (int i = 2; used.contains(name); i++) {
                name = type + "Type" + (i == 2 ? "" : String.valueOf(i));
            }
            used.add(name);
            local.put(type, name);
        }
    }

    /** Imports a type of the application and returns the name the file calls it by. */
    String use(String type) {
        return source.type(TsModules.TYPES, type, local.getOrDefault(type, type));
    }

    /** Types written with their imported names, for {@link TsTypes}. */
    TsTypes renderer() {
        return new TsTypes(this::use, true);
    }
}
