package io.mizan.codegen;

import java.util.List;

/**
 * The modules generated files import from, and the order in which a file lists its imports: packages
 * first, then the runtime, then the application's own modules.
 *
 * <pre>{@code
 * import { z } from 'zod';
 * import type { UseQueryResult } from '@tanstack/react-query';
 * import { useMizanContext } from './runtime';
 * import { contactFormSchema } from './schemas';
 * import type { UserView } from './types';
 * }</pre>
 */
final class TsModules {

    static final String ZOD = "zod";
    static final String QUERY = "@tanstack/react-query";
    /** The copy of the client runtime next to the generated files. */
    static final String RUNTIME = "./runtime";

    static final String SCHEMAS = "./schemas";
    static final String TYPES = "./types";

    /** The order of the import lines in every generated file. */
    static final List<String> ORDER = List.of(ZOD, QUERY, RUNTIME, SCHEMAS, TYPES);

    private TsModules() {}

    /** {@code types.ts} to {@code ./types}: how one generated file imports another. */
    static String of(String file) {
        return "./" + file.substring(0, file.lastIndexOf('.'));
    }
}
