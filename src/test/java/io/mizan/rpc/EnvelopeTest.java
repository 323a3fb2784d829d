package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

/** The bodies of successful answers, exactly as a client reads them (docs/protocol.md). */
class EnvelopeTest {

    @ParameterizedTest(name = "{0} with keys [{1}]")
    @CsvSource(
            delimiter = '#',
            value = {
                // result#                 keys, '|' between#                   body
                "null#                     ''#                                  {\"result\":null,\"invalidate\":[]}",
                "{\"id\":5}#               currentUser#                         {\"result\":{\"id\":5},\"invalidate\":[\"currentUser\"]}",
                "[1,2]#                    currentUser|userProfile;userId=5#    {\"result\":[1,2],\"invalidate\":[\"currentUser\",\"userProfile;userId=5\"]}",
                "\"x\"#                    a|b|c#                               {\"result\":\"x\",\"invalidate\":[\"a\",\"b\",\"c\"]}",
                // a key is a JSON string however it is spelled
                "true#                     notes;title=say \"hi\"\\#            {\"result\":true,\"invalidate\":[\"notes;title=say \\\"hi\\\"\\\\\"]}"
            })
    void aCallAnswersItsResultAndItsKeys(String result, String keys, String body) {
        List<String> list = keys.isEmpty() ? List.of() : Arrays.asList(keys.split("\\|"));
        assertEquals(body, Envelope.call(result, list));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "null#           {\"result\":null}",
                "{\"a\":[]}#     {\"result\":{\"a\":[]}}",
                "42#             {\"result\":42}"
            })
    void aContextReadAnswersItsResultAlone(String result, String body) {
        assertEquals(body, Envelope.context(result));
    }
}
