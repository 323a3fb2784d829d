package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What is well-formed and what is not. The malformed values are refused by Jersey (Payara), by RESTEasy
 * (WildFly), or by both, as the container tests showed; the well-formed ones are served by both.
 */
class HeaderSyntaxTest {

    @Test
    void mediaTypes() {
        for (String ok : new String[] {
            "application/json",
            "APPLICATION/JSON; CHARSET=UTF-8",
            "application/json;charset=utf-8",
            "application/json;\tcharset=utf-8",
            "application/json; charset=\"utf-8\"",
            "application/json; foo=\"a\\\"b\"",
            "application/json; foo=\"a,b;c d\"",
            "application/json; foo=\"\u00e9\"",
            "application/json; charset=utf-8;",
            "application/json;;",
            "application/json; ; charset=utf-8",
            " application/json ",
            "*/*",
            "application/*",
            "multipart/form-data; boundary=x",
            "application/vnd.api+json; q=2",
        }) {
            assertTrue(HeaderSyntax.mediaType(ok), ok);
        }
        for (String bad : new String[] {
            "",
            " ",
            ";;;",
            "json",
            "*",
            "a/b/c",
            "application/",
            "/json",
            "application / json",
            "application/json ; charset = utf-8",
            "application/json; charset",
            "application/json; charset=",
            "application/json; charset=\"utf-8",
            "application/json; =x",
            "application/json; a=b=c",
            "application/json; a=\"b\"c",
            "application/json, ",
            "application/json, text/plain",
            "application/json;charset=utf-8,application/json",
            "applic\u00e4tion/json",
            "application/json; foo=\"a\u0001\"",
            "application/json; foo=\"a\\",
        }) {
            assertFalse(HeaderSyntax.mediaType(bad), bad);
        }
    }

    @Test
    void mediaRanges() {
        for (String ok : new String[] {
            "",
            " ",
            "application/json",
            "application/json, text/plain, */*",
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
            "*",
            "*/*;q=0.8",
            "text/*",
            "*/json",
            "text/html;q=1.000",
            "text/html;q=1.",
            "text/html;q=0.",
            "text/html;q=0",
            "text/html;q=1",
            "text/html;q=0.123",
            "text/html;Q=0.5",
            "text/html ; q=0.5",
            "text/html;q=0.5;level=1",
            "text/html;q=0.5 ;level=\"x\"",
            "application/json; charset=utf-8; q=0.9",
            "application/json;;q=1",
            "application/json,",
            "application/json , text/plain",
            "text/html;foo=\"a;b c\"",
        }) {
            assertTrue(HeaderSyntax.mediaRanges(ok), ok);
        }
        for (String bad : new String[] {
            ";;;",
            "a/b/c",
            "json",
            "text/html;q=x",
            "text/html;q=2",
            "text/html;q=1.5",
            "text/html;q=1.001",
            "text/html;q=0.1234",
            "text/html;q=-1",
            "text/html;q=",
            "text/html;q",
            "text/html;q= 0.5",
            "text/html;q=0.5e1",
            "text/html;q=00.5",
            "text/html;q=.",
            "text/html;q=\"0.5\"",
            "text/html;level",
            "application/json; charset",
            "application/json,,text/plain",
            ",application/json",
            "application/json, ,",
            "text/html\u00e9",
            "text/html;foo=\"a,b\"",
        }) {
            assertFalse(HeaderSyntax.mediaRanges(bad), bad);
        }
    }

    @Test
    void languageRanges() {
        for (String ok : new String[] {
            "", "en", "en-US,en;q=0.9,fr;q=0.8", "*", "de;q=.5", "en_US", "en, ", "en-US;q=0.5;x=y",
        }) {
            assertTrue(HeaderSyntax.languageRanges(ok), ok);
        }
        for (String bad : new String[] {
            ";;;", "en;q=x", "en;q=2", "en;x=\"a,b\"", "en;q=0.1234", "en,,fr", ",en", "en;level", "en US", "en/US",
        }) {
            assertFalse(HeaderSyntax.languageRanges(bad), bad);
        }
    }
}
