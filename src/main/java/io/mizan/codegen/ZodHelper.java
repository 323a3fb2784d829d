package io.mizan.codegen;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function private to {@code schemas.ts} that some Zod refinements call, written once, before the
 * schemas, when a schema uses it.
 *
 * <pre>{@code
 * @Digits(integer = 6, fraction = 2) BigDecimal budget
 *   -> z.number().refine((v) => fitsDigits(String(v), 6, 2), ...)   // and DIGITS writes fitsDigits
 * }</pre>
 */
enum ZodHelper {

    /** Any JSON value: what a {@code jakarta.json.JsonValue} argument accepts. */
    JSON(
            List.of("JsonData", "jsonData"),
            """
            type JsonData = string | number | boolean | null | JsonData[] | { [key: string]: JsonData };

            /** Any JSON value: what a jakarta.json.JsonValue argument accepts. */
            const jsonData: z.ZodType<JsonData> = z.lazy(() =>
              z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonData), z.record(jsonData)]),
            );"""),

    /** Whether a number fits {@code @Digits}. */
    DIGITS(
            List.of("fitsDigits"),
            """
            /**
             * Whether a number has at most `integer` digits before the point and `fraction` after it, counted
             * as @Digits counts them.
             */
            function fitsDigits(value: string, integer: number, fraction: number): boolean {
              const match = /^[+-]?(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?$/.exec(value.trim());
              const whole = match?.[1] ?? '';
              const decimals = match?.[2] ?? '';
              if (!match || whole + decimals === '') return false;
              const digits = (whole + decimals).replace(/^0+/, '');
              const point = whole.length + Number(match[3] ?? 0) - (whole.length + decimals.length - digits.length);
              const significant = digits.replace(/0+$/, '');
              return Math.max(point, 0) <= integer && Math.max(significant.length - point, 0) <= fraction;
            }"""),

    /** Whether a date lies in the past or the future, for {@code @Past}, {@code @Future} and the like. */
    TEMPORAL(
            List.of("compareToNow"),
            """
            /**
             * Whether an ISO date (`dateOnly`) or date-time lies before (-1), at (0) or after (1) the browser's
             * now; NaN when it does not parse. The server's clock has the last word.
             */
            function compareToNow(value: string, dateOnly: boolean): number {
              if (dateOnly) {
                if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(value)) return NaN;
                const now = new Date();
                const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
                  .map((part) => String(part).padStart(2, '0'))
                  .join('-');
                return value < today ? -1 : value > today ? 1 : 0;
              }
              // a ZonedDateTime ends with its zone id in brackets, which Date.parse does not read
              const time = Date.parse(value.replace(/\\[[^\\]]*\\]$/, ''));
              return Number.isNaN(time) ? NaN : Math.sign(time - Date.now());
            }""");

    private final List<String> names;
    private final String source;

    ZodHelper(List<String> names, String source) {
        this.names = names;
        this.source = source;
    }

    /** The helper's TypeScript declarations. */
    String source() {
        return source;
    }

    /**
     * The names every helper may take in {@code schemas.ts}, and {@code z}: no imported type may use
     * them, whichever helpers the file needs.
     */
    static Set<String> reservedNames() {
        Set<String> names = new TreeSet<>(Set.of("z"));
        EnumSet.allOf(ZodHelper.class).forEach(h -> names.addAll(h.names));
        return names;
    }
}
