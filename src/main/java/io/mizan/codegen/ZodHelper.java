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

    /** A whole number in the range of the Java type it binds to, which the server refuses beyond. */
    WHOLE_NUMBER(
            List.of("wholeNumber", "wholeNumberRanges"),
            """
            /** The range of each Java whole number type, by its bits: the server refuses a number outside it. */
            const wholeNumberRanges = {
              8: ['-128', '127'],
              16: ['-32768', '32767'],
              32: ['-2147483648', '2147483647'],
              64: ['-9223372036854775808', '9223372036854775807'],
            } as const;

            /**
             * A whole number that fits a Java byte (8 bits), short (16), int (32) or long (64). JavaScript writes
             * -(2 ** 63) as -9223372036854776000, past a long: a long's bounds are both exclusive.
             */
            function wholeNumber(bits: keyof typeof wholeNumberRanges) {
              const [min, max] = wholeNumberRanges[bits];
              const message = `must be between ${min} and ${max}`;
              const number = z.number().int();
              const least = -(2 ** (bits - 1));
              return (bits === 64 ? number.gt(least, { message }) : number.gte(least, { message })).lt(2 ** (bits - 1), {
                message,
              });
            }"""),

    /** Whether a string is a date, time or duration in the ISO-8601 form the server's Java type reads. */
    ISO_TEXT(
            List.of("isoDate", "isoMinutes", "isoSeconds", "isoOffset", "isoZone", "isoTextForms", "isIsoText"),
            """
            // the sources of regular expressions, put together below
            const isoDate = /(\\d{4}|-\\d{4}|[+-]\\d{5,9})-(\\d{2})-(\\d{2})/.source;
            const isoMinutes = /(?:[01]\\d|2[0-3]):[0-5]\\d/.source;
            const isoSeconds = /:[0-5]\\d(?:\\.\\d{0,9})?/.source;
            const isoOffset = /(?:Z|[+-](?:0\\d|1[0-8]):[0-5]\\d(?::[0-5]\\d)?)/.source;
            const isoZone = /(?:\\[[^\\]]+\\])?/.source;

            /** The ISO-8601 forms java.time reads, by Java type (seconds are optional but for an Instant). */
            const isoTextForms = {
              LocalDate: isoDate,
              LocalTime: `${isoMinutes}(?:${isoSeconds})?`,
              LocalDateTime: `${isoDate}T${isoMinutes}(?:${isoSeconds})?`,
              OffsetDateTime: `${isoDate}T${isoMinutes}(?:${isoSeconds})?${isoOffset}`,
              ZonedDateTime: `${isoDate}T${isoMinutes}(?:${isoSeconds})?${isoOffset}${isoZone}`,
              Instant: `${isoDate}T${isoMinutes}${isoSeconds}${isoOffset}`,
              Date: `${isoDate}T${isoMinutes}(?:${isoSeconds})?(?:${isoOffset}${isoZone})?`,
              OffsetTime: `${isoMinutes}(?:${isoSeconds})?${isoOffset}`,
              Duration: /[-+]?P(?!T?$)(?:[-+]?\\d+D)?(?:T(?!$)(?:[-+]?\\d+H)?(?:[-+]?\\d+M)?(?:[-+]?\\d+(?:[.,]\\d{0,9})?S)?)?/.source,
              Period: /[-+]?P(?!$)(?:[-+]?\\d+Y)?(?:[-+]?\\d+M)?(?:[-+]?\\d+W)?(?:[-+]?\\d+D)?/.source,
            };

            /**
             * Whether a string is in the ISO-8601 form the server reads for the Java type, on a day that exists
             * (2024-02-29, not 2023-02-29).
             */
            function isIsoText(type: keyof typeof isoTextForms, value: string): boolean {
              const match = new RegExp(`^(?:${isoTextForms[type]})$`, 'i').exec(value);
              if (!match || match[1] === undefined) return match !== null;
              const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
              const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
              const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
              return day >= 1 && day <= days;
            }"""),

    /** Whether a map key is a whole number in the range of the Java type it binds to. */
    WHOLE_NUMBER_KEY(
            List.of("isWholeNumberKey"),
            """
            /**
             * Whether a map key is a whole number the server reads, within `min` and `max` when they are given,
             * compared digit by digit: a long's bounds are past a JavaScript number's precision.
             */
            function isWholeNumberKey(key: string, min?: string, max?: string): boolean {
              const match = /^([+-]?)0*(\\d+)$/.exec(key);
              if (!match || min === undefined || max === undefined) return match !== null;
              const limit = match[1] === '-' ? min.slice(1) : max;
              const digits = match[2] ?? '';
              return digits.length < limit.length || (digits.length === limit.length && digits <= limit);
            }"""),

    /** Whether a number fits {@code @Digits}. */
    DIGITS(
            List.of("fitsDigits"),
            """
            /**
             * Whether a decimal number has at most `integer` digits before the point and `fraction` after it,
             * counted as @Digits counts them on a BigDecimal of the text: trailing zeros count, spaces refuse.
             * A JavaScript number's own text (String(v)) has no trailing zeros, as @Digits reads a double.
             */
            function fitsDigits(value: string, integer: number, fraction: number): boolean {
              const match = /^[+-]?(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?$/.exec(value);
              const whole = match?.[1] ?? '';
              const decimals = match?.[2] ?? '';
              if (!match || whole + decimals === '') return false;
              const scale = decimals.length - Number(match[3] ?? 0);
              const precision = Math.max((whole + decimals).replace(/^0+/, '').length, 1);
              return precision - scale <= integer && Math.max(scale, 0) <= fraction;
            }"""),

    /** Whether a string is an email address as {@code @Email} reads it. */
    EMAIL(
            List.of("isEmail"),
            """
            /**
             * Whether a string is an email address as Hibernate Validator's @Email reads it: empty, or a local
             * part of at most 64 characters (atoms or quoted strings between dots) before the last @, and after
             * it a domain name (labels of at most 63 characters, 255 in all) or an IP address in brackets. The
             * server also converts an internationalized domain to ASCII, which can refuse it still.
             */
            function isEmail(value: string): boolean {
              if (value === '') return true;
              const at = value.lastIndexOf('@');
              const local = value.slice(0, at);
              const domain = value.slice(at + 1);
              return (
                at >= 0 &&
                local.length <= 64 &&
                /^(?:[a-z0-9!#$%&'*+\\/=?^_`{|}~\\u0080-\\uFFFF-]+|"(?:[a-z0-9!#$%&'*.(),<>\\[\\]:;  @+\\/=?^_`{|}~\\u0080-\\uFFFF-]|\\\\\\\\|\\\\")+")(?:\\.(?:[a-z0-9!#$%&'*+\\/=?^_`{|}~\\u0080-\\uFFFF-]+|"(?:[a-z0-9!#$%&'*.(),<>\\[\\]:;  @+\\/=?^_`{|}~\\u0080-\\uFFFF-]|\\\\\\\\|\\\\")+"))*$/iu.test(local) &&
                !domain.endsWith('.') &&
                domain.length <= 255 &&
                domain.split(/[.\\u3002\\uFF0E\\uFF61]/).every((label) => label.length > 0 && label.length <= 63) &&
                /^(?:(?:[a-z\\u0080-\\uFFFF0-9!#$%&'*+\\/=?^_`{|}~]-*)*[a-z\\u0080-\\uFFFF0-9!#$%&'*+\\/=?^_`{|}~]+(?:\\.(?:[a-z\\u0080-\\uFFFF0-9!#$%&'*+\\/=?^_`{|}~]-*)*[a-z\\u0080-\\uFFFF0-9!#$%&'*+\\/=?^_`{|}~]+)*|\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\]|\\[IPv6:(?:(?:[0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,7}:|(?:[0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,5}(?::[0-9a-fA-F]{1,4}){1,2}|(?:[0-9a-fA-F]{1,4}:){1,4}(?::[0-9a-fA-F]{1,4}){1,3}|(?:[0-9a-fA-F]{1,4}:){1,3}(?::[0-9a-fA-F]{1,4}){1,4}|(?:[0-9a-fA-F]{1,4}:){1,2}(?::[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:(?:(?::[0-9a-fA-F]{1,4}){1,6})|:(?:(?::[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(?::[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(?:ffff(:0{1,4}){0,1}:){0,1}(?:(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])|(?:[0-9a-fA-F]{1,4}:){1,4}:(?:(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9]))\\])$/iu.test(domain)
              );
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
