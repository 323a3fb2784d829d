package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class QueryStringTest {

    @Test
    void namesAndValuesAreDecodedAsFormFields() {
        assertEquals(
                Map.of("board", List.of("general"), "q", List.of("café au lait+1"), "a b", List.of("x")),
                QueryString.parse("board=general&q=caf%C3%A9+au%20lait%2B1&a+b=x"));
    }

    @Test
    void aRepeatedNameKeepsEveryValueInOrder() {
        assertEquals(Map.of("page", List.of("2", "1")), QueryString.parse("page=2&page=1"));
    }

    @Test
    void aParameterWithoutEqualsHasTheEmptyValue() {
        assertEquals(Map.of("flag", List.of(""), "x", List.of("")), QueryString.parse("flag&x="));
    }

    @Test
    void aParameterWithoutANameIsA400() {
        for (String raw : new String[] {"=x&name=y", "name=y&=", "name=y&=x=z"}) {
            MizanException e = assertThrows(MizanException.class, () -> QueryString.parse(raw), raw);
            assertEquals(400, e.status(), raw);
            assertEquals("MIZAN-139", e.code(), raw);
            assertEquals("The query string has a parameter without a name", e.getMessage(), raw);
        }
    }

    @Test
    void emptyPartsAndNoQueryAtAllGiveNothing() {
        assertEquals(Map.of(), QueryString.parse(null));
        assertEquals(Map.of(), QueryString.parse(""));
        assertEquals(Map.of("a", List.of("1")), QueryString.parse("&&a=1&"));
    }

    @Test
    void onlyTheFirstEqualsSeparates() {
        assertEquals(Map.of("f", List.of("a=b")), QueryString.parse("f=a=b"));
    }

    @Test
    void aMalformedEscapeIsA400() {
        for (String raw : new String[] {
            "q=%zz",
            "q=%",
            "q=ok&%4=1",
            "q=%E",
            // not escaped: UTF-8 bytes read as ISO-8859-1, the same read as UTF-8, a space, a tab, DEL
            "q=caf\u00c3\u00a9",
            "q=caf\u00e9",
            "q=a b",
            "q=a\tb",
            "q=\u007f",
            "caf\u00e9=1"
        }) {
            MizanException e = assertThrows(MizanException.class, () -> QueryString.parse(raw), raw);
            assertEquals(400, e.status(), raw);
            assertEquals("MIZAN-138", e.code(), raw);
        }
    }

    @Test
    void escapesThatAreNotUtf8AreA400AsAMalformedEscapeIs() {
        for (String raw : new String[] {
            "name=%C3%28", // a lead byte without its continuation
            "name=%ED%A0%80", // an encoded surrogate
            "name=%C0%AF", // an overlong '/'
            "name=%F4%90%80%80", // past U+10FFFF
            "name=%FF",
            "name=caf%C3", // cut short at the end
            "na%C3me=x",
            "name=%C3+x",
        }) {
            MizanException e = assertThrows(MizanException.class, () -> QueryString.parse(raw), raw);
            assertEquals(400, e.status(), raw);
            assertEquals("MIZAN-138", e.code(), raw);
        }
    }

    @Test
    void escapesOfEveryUtf8LengthAndPlusesMixedDecode() {
        assertEquals(
                Map.of("q", List.of("a/é€😀 +b c")), QueryString.parse("q=a%2F%C3%A9%E2%82%AC%F0%9F%98%80+%2Bb%20c"));
        assertEquals(Map.of("q", List.of("a b")), QueryString.parse("q=a+b"));
    }

    @Test
    void theOrderOfNamesIsTheQuerys() {
        assertEquals(
                List.of("z", "a", "m"),
                List.copyOf(QueryString.parse("z=1&a=2&m=3").keySet()));
    }
}
