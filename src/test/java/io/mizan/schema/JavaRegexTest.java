package io.mizan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Java regular expressions to JavaScript literals that accept the same whole strings. */
class JavaRegexTest {

    private static String js(String regexp, String... flags) {
        return JavaRegex.toJavaScript(regexp, List.of(flags))
                .map(JavaRegex.Literal::toString)
                .orElse("(skipped)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " :: ",
            quoteCharacter = '"',
            textBlock =
                    """
            [0-9]{5} :: /^(?:[0-9]{5})$/
            \\p{Alpha}+ :: /^(?:[a-zA-Z]+)$/
            [\\p{Alnum}_-]+ :: /^(?:[a-zA-Z0-9_-]+)$/
            \\P{Digit} :: /^(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^0-9\\uD800-\\uDFFF]))$/
            (?i)abc :: /^(?:abc)$/i
            \\Aabc\\z :: /^(?:(?<![\\s\\S])abc(?![\\s\\S]))$/
            a/b :: /^(?:a\\/b)$/
            []a] :: /^(?:[\\]a])$/
            [^]a] :: /^(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\]a\\uD800-\\uDFFF]))$/
            [^a]+ :: /^(?:[^a]+)$/
            a]b} :: /^(?:a\\]b\\})$/
            \\Qa.b*\\E+ :: /^(?:a\\.b\\*+)$/
            \\x{1F600} :: /^(?:\\u{1F600})$/u
            \\p{IsLatin}+ :: /^(?:\\p{Script=Latin}+)$/u
            \\p{Lu}\\p{IsAlphabetic} :: /^(?:\\p{Lu}\\p{Alphabetic})$/u
            \\0101\\e :: /^(?:A\\x1B)$/
            x{2,}?y*?z?? :: /^(?:x{2,}?y*?z??)$/
            \\@\\-\\# :: /^(?:@-#)$/
            [\\-a.] :: /^(?:[\\-a.])$/
            (?:a|b)(?=c)(?!d)(?<=c)(?<!x). :: /^(?:(?:a|b)(?=c)(?!d)(?<=c)(?<!x)(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\r\\x85\\u2028\\u2029\\uD800-\\uDFFF]))$/
            .* :: /^(?:[^\\n\\r\\x85\\u2028\\u2029]*)$/
            \\s\\S+ :: /^(?:[ \\t\\n\\x0B\\f\\r][^ \\t\\n\\x0B\\f\\r]+)$/
            [^\\s@]\\D :: /^(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^ \\t\\n\\x0B\\f\\r@\\uD800-\\uDFFF])(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\d\\uD800-\\uDFFF]))$/
            [\\S] :: (skipped)
            a++ :: (skipped)
            (?>a) :: (skipped)
            [a-z&&[^x]] :: (skipped)
            [a[b]] :: (skipped)
            a(?i)b :: (skipped)
            (?i:a)b :: (skipped)
            (a)\\12 :: (skipped)
            (a)\\1 :: (skipped)
            (?<year>\\d{4})-\\k<year> :: (skipped)
            \\p{InGreek} :: (skipped)
            \\p{javaLowerCase} :: (skipped)
            [\\P{Alpha}] :: (skipped)
            \\Ga :: (skipped)
            ( :: (skipped)
            """)
    void translates(String java, String expected) {
        assertEquals(expected, js(java));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " :: ",
            quoteCharacter = '"',
            textBlock =
                    """
            \\t\\n\\r\\f\\a :: /^(?:\\t\\n\\r\\f\\x07)$/
            \\x41\\u0042\\cA\\cZ :: /^(?:AB\\x01\\x1A)$/
            \\x{41} :: /^(?:A)$/
            \\0477\\07 :: /^(?:'7\\x07)$/
            a\\R :: /^(?:a(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]))$/
            a\\Z :: /^(?:a(?=(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])?(?![\\s\\S])))$/
            \\h\\H :: /^(?:[ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000](?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000\\uD800-\\uDFFF]))$/
            \\v\\V :: /^(?:[\\n\\x0B\\f\\r\\x85\\u2028\\u2029](?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\x0B\\f\\r\\x85\\u2028\\u2029\\uD800-\\uDFFF]))$/
            \\W\\S*\\H+ :: /^(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\w\\uD800-\\uDFFF])[^ \\t\\n\\x0B\\f\\r]*[^ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]+)$/
            \\b\\B\\w\\d\\.\\$\\/ :: /^(?:\\b\\B\\w\\d\\.\\$\\/)$/
            \\p{IsPunct}\\p{Cntrl}\\p{Space} :: /^(?:[!-\\/:-@\\[-`{-~][\\x00-\\x1F\\x7F][ \\t\\n\\x0B\\f\\r])$/
            \\p{gc=Lu}\\p{general_category=Ll} :: /^(?:\\p{Lu}\\p{Ll})$/u
            \\p{sc=Greek}\\p{script=Old_Italic} :: /^(?:\\p{Script=Greek}\\p{Script=Old_Italic})$/u
            \\p{IsL}\\p{IsWhite_Space}\\p{IsTitlecase} :: /^(?:\\p{L}\\p{White_Space}\\p{Lt})$/u
            \\pL\\PL\\P{Lu}* :: /^(?:\\p{L}\\P{L}\\P{Lu}*)$/u
            [^\\p{Lu}] :: /^(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\p{Lu}\\uD800-\\uDFFF]))$/u
            [\\p{Alpha}][\\p{L}][\\P{L}] :: /^(?:[a-zA-Z][\\p{L}][\\P{L}])$/u
            [\\d\\D\\w\\W\\t\\n\\r\\f\\a] :: /^(?:[\\d\\D\\w\\W\\t\\n\\r\\f\\x07])$/
            [\\s][\\h\\v] :: /^(?:[ \\t\\n\\x0B\\f\\r][ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000\\n\\x0B\\f\\r\\x85\\u2028\\u2029])$/
            [\\Q]-\\E][\\x41\\.\\0101][a^][a-][/] :: /^(?:[\\]\\-][A.A][a\\^][a-][\\/])$/
            [\\-][\\[][\\]][\\^] :: /^(?:[\\-][\\[][\\]][\\^])$/
            [\\x{1F600}] :: /^(?:[\\u{1F600}])$/u
            (?m)a :: /(?<![\\s\\S])(?:a)(?![\\s\\S])/m
            (?s).* :: /^(?:[\\s\\S]*)$/s
            (?u)a :: /^(?:a)$/
            (?im)a :: /(?<![\\s\\S])(?:a)(?![\\s\\S])/im
            ^a$|(?=b)c}|x{1,3}? :: /^(?:^a$|(?=b)c\\}|x{1,3}?)$/
            \\Qa :: /^(?:a)$/
            \\0377\\00\\01234 :: /^(?:ÿ\\x00S4)$/
            (a)(b)(c)(d)(e)(f)(g)(h)(i)\\9 :: (skipped)
            [a&b][\\00][\\Qa\\E] :: /^(?:[a&b][\\x00][a])$/
            \\\\[\\\\] a :: /^(?:\\\\[\\\\] a)$/
            (?x)a :: (skipped)
            (?)a :: (skipped)
            a{2}+ :: (skipped)
            a?+ :: (skipped)
            \\p{blk=Greek} :: (skipped)
            \\p{IsNoSuch} :: (skipped)
            [\\S] :: (skipped)
            [\\R] :: (skipped)
            """)
    void spellsOutEveryEscapePropertyAndFlagJavaScriptHas(String java, String expected) {
        assertEquals(expected, js(java));
    }

    @Test
    void charactersJavaScriptCouldMisreadAreEscaped() {
        assertEquals(
                "/^(?:\\x7F\\x85\\x9F\\u200B\\uFEFF\\u2029\\u{1F600})$/u",
                js("\u007F\u0085\u009F\u200B\uFEFF\u2029\uD83D\uDE00"));
        assertEquals("/^(?:[\\x01\\u2028\\u{1F600}])$/u", js("[\u0001\u2028\uD83D\uDE00]"));
        assertEquals("/^(?:\u00A0~)$/", js("\u00A0~"), "other characters are themselves");
    }

    @Test
    void flags() {
        assertEquals("/(?<![\\s\\S])(?:a|b)(?![\\s\\S])/im", js("a|b", "CASE_INSENSITIVE", "MULTILINE"));
        assertEquals("/^(?:a(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\uD800-\\uDFFF])b)$/s", js("a.b", "DOTALL"));
        assertEquals("/^(?:a)$/i", js("a", "CASE_INSENSITIVE", "UNICODE_CASE"));
        assertEquals("(skipped)", js("a b", "COMMENTS"));
        assertEquals("(skipped)", js("a", "UNIX_LINES"));
    }

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("/^(?:a\\nb\\x01\\u2028)$/", js("a\nb\u0001\u2028"));
        assertEquals("/^(?:[\\n\\t])$/", js("[\n\t]"));
    }

    /**
     * Runs every translated literal in Node and checks it accepts exactly the strings Java's
     * {@code matches()} accepts.
     */
    @Test
    void javaScriptAcceptsWhatJavaAccepts() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        record Case(String regexp, List<String> flags, List<String> inputs) {}
        List<Case> cases = List.of(
                new Case("[0-9]{5}", List.of(), List.of("12345", "1234", "123456", "12a45", "12345\n")),
                new Case("\\p{Alpha}+_\\p{Punct}", List.of(), List.of("ab_!", "ab_a", "é_!", "_!")),
                new Case("a|ab", List.of(), List.of("a", "ab", "b", "abab")),
                new Case("abc|x", List.of("MULTILINE"), List.of("abc", "x", "abc\nx", "x\n")),
                new Case("(?i)hello", List.of(), List.of("HeLLo", "hello!", "hell")),
                new Case("[^]a]+\\.\\Qx*\\E", List.of(), List.of("bc.x*", "]c.x*", "b.xx", "a.x*")),
                new Case("\\p{L}+\\s\\d", List.of(), List.of("Ünïcode 1", "abc 12", "abc1")),
                new Case("\\x{1F600}{2}", List.of(), List.of("\uD83D\uDE00\uD83D\uDE00", "\uD83D\uDE00")),
                new Case("a.c", List.of("DOTALL"), List.of("a\nc", "abc", "ac", "a\uD83D\uDE00c")),
                new Case("a.c", List.of(), List.of("abc", "a\nc", "a\u0085c", "a\u2028c", "a\uD83D\uDE00c")),
                new Case(".{2}", List.of(), List.of("ab", "\uD83D\uDE00\uD83D\uDE00", "\uD83D\uDE00", "a\uD83D\uDE00")),
                new Case(
                        "[^x]{1,2}\\S?",
                        List.of(),
                        List.of("\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "ab\u00A0", "abcd")),
                new Case("\\S+\\s", List.of(), List.of("a\u00A0b ", "a\u3000 ", "ab\u000B", "ab\u00A0")),
                new Case("[^a]\\D\\W", List.of(), List.of("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "bc!", "ab!")),
                new Case("[^\\s]+", List.of(), List.of("\uFEFF\u00A0", "a b")),
                new Case("[\\h]x\\v", List.of(), List.of(" x\n", "\tx\r", "xx\n")),
                new Case(".+@example\\.com", List.of("CASE_INSENSITIVE"), List.of("Al@EXAMPLE.com", "al@example.org")),
                new Case(
                        "\\t\\x41\\u0042\\cA\\e\\0477",
                        List.of(),
                        List.of("\tAB\u0001\u001b'7", "\tAB\u0001\u001b'", "\tab\u0001\u001b'7")),
                new Case("a\\R", List.of(), List.of("a\r\n", "a\n", "a\u0085", "a", "a\n\n")),
                new Case("a\\Z", List.of(), List.of("a", "a\n", "a\r\n", "a\n\n", "ab")),
                new Case("\\h\\H\\v\\V", List.of(), List.of(" x\nx", "\u3000\uD83D\uDE00\u2028y", "  \n\n", "x x\n")),
                new Case(
                        "\\p{IsPunct}\\p{gc=Lu}\\p{sc=Greek}\\p{IsWhite_Space}",
                        List.of(),
                        List.of("!A\u03b1 ", "aA\u03b1 ", "!Aa ", "!A\u03b1x")),
                new Case("[\\Q]-\\E\\x41]+", List.of(), List.of("]-A", "B", "-")),
                new Case("(?s).+", List.of(), List.of("a\nb", "", "\uD83D\uDE00")),
                new Case("[^\\p{Lu}]\\P{L}", List.of(), List.of("\uD83D\uDE00!", "A!", "a1", "ab")));
        StringBuilder script = new StringBuilder("const cases = [");
        List<List<Boolean>> expected = new ArrayList<>();
        for (Case c : cases) {
            JavaRegex.Literal literal =
                    JavaRegex.toJavaScript(c.regexp(), c.flags()).orElseThrow(() -> new AssertionError(c.regexp()));
            int flags = 0;
            for (String f : c.flags()) {
                flags |= switch (f) {
                    case "MULTILINE" -> Pattern.MULTILINE;
                    case "DOTALL" -> Pattern.DOTALL;
                    default -> Pattern.CASE_INSENSITIVE;
                };
            }
            Pattern java = Pattern.compile(c.regexp(), flags);
            expected.add(c.inputs().stream().map(s -> java.matcher(s).matches()).toList());
            script.append("[").append(literal).append(", [");
            for (String input : c.inputs()) {
                script.append(jsString(input)).append(",");
            }
            script.append("]],");
        }
        script.append("];\nconsole.log(JSON.stringify(cases.map(([re, inputs]) => inputs.map((s) => re.test(s)))));\n");
        Process node = new ProcessBuilder("node", "-").redirectErrorStream(true).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(script.toString().getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, node.exitValue(), output);
        assertEquals(expected.toString().replace(" ", ""), output);
    }

    private static String jsString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aBackReferenceJavaScriptWouldReadOtherwiseIsSkipped() {
        assertEquals("(skipped)", js("\\1"));
        assertEquals("(skipped)", js("(a)?b\\1"));
        assertEquals("(skipped)", js("(?<x>a)?b\\k<x>"));
    }

    @Test
    void patternsJavaRefusesAreSkipped() {
        assertEquals(Optional.empty(), JavaRegex.toJavaScript("a{", List.of()));
    }
}
