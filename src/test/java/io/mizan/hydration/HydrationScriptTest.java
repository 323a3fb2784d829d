package io.mizan.hydration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

class HydrationScriptTest {

    static final String HOSTILE = "</script><script>alert(1)</script><!-- & \u2028";

    @Test
    void noValueCanCloseTheTagAndTheJsonStillReadsTheSame() {
        String json = Json.createObjectBuilder()
                .add("contexts", Json.createObjectBuilder().add("motto", HOSTILE))
                .build()
                .toString();
        String element = HydrationScript.element(json);
        String inside = element.substring(element.indexOf('>') + 1, element.lastIndexOf("</script>"));
        assertFalse(inside.contains("<") || inside.contains(">") || inside.contains("&"), inside);
        JsonObject parsed = Json.createReader(new StringReader(inside)).readObject();
        assertEquals(HOSTILE, parsed.getJsonObject("contexts").getString("motto"));
    }

    @Test
    void goesBeforeTheHeadsEndOrAtTheBodysStart() {
        assertEquals(
                "<html><head><title>t</title><script type=\"application/json\" id=\"mizan-hydration\">{}</script>"
                        + "</HEAD><body></body></html>",
                HydrationScript.inject("<html><head><title>t</title></HEAD><body></body></html>", "{}"));
        assertTrue(HydrationScript.inject("<p>x</p><body>", "{}").startsWith("<p>x</p><script"));
        assertEquals("no markup", HydrationScript.inject("no markup", "{}"));
        assertEquals(
                "<script type=\"application/json\" id=\"mizan-hydration\">{}</script></head><body>",
                HydrationScript.inject("</head><body>", "{}"),
                "at the very start too");
        assertEquals(
                "<script type=\"application/json\" id=\"mizan-hydration\">{}</script><BODY>",
                HydrationScript.inject("<BODY>", "{}"));
    }

    @Test
    void readsThePageInTheCharsetItsContentTypeNames() {
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, HydrationFilter.charsetOf("text/html"));
        assertEquals(
                java.nio.charset.StandardCharsets.ISO_8859_1,
                HydrationFilter.charsetOf("text/html; charset=ISO-8859-1"));
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, HydrationFilter.charsetOf("text/html;charset=\"utf-8\""));
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, HydrationFilter.charsetOf("text/html;charset=bogus"));
    }
}
