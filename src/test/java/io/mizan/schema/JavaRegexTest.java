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
            (?<year>\\d{4})-\\k<year> :: /^(?:(?<year>\\d{4})-\\k<year>)$/
            (a)\\1 :: /^(?:(a)\\1)$/
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
            \\p{InGreek} :: (skipped)
            \\p{javaLowerCase} :: (skipped)
            [\\P{Alpha}] :: (skipped)
            \\Ga :: (skipped)
            ( :: (skipped)
            """)
    void translates(String java, String expected) {
        assertEquals(expected, js(java));
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
                new Case("(\\w)\\1\\z", List.of(), List.of("aa", "ab", "a")),
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
                new Case(".+@example\\.com", List.of("CASE_INSENSITIVE"), List.of("Al@EXAMPLE.com", "al@example.org")));
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
    void patternsJavaRefusesAreSkipped() {
        assertEquals(Optional.empty(), JavaRegex.toJavaScript("a{", List.of()));
    }
}
