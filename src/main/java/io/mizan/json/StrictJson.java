package io.mizan.json;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a call body as a JSON object, refusing what a lenient parser lets through or chokes on:
 * invalid UTF-8, a {@code \}u escape of half a surrogate pair alone (no character, and no encoder can
 * write it back out), duplicate keys, trailing data, deep nesting, and numbers so long or with exponents
 * so large that converting them would take the worker hostage (CVE-2023-4043). Every refusal is a 400
 * whose message says what is wrong in the caller's terms, never the parser's.
 */
public final class StrictJson {

    /** How deep arrays and objects may nest. */
    public static final int MAX_DEPTH = 64;
    /** The longest number text accepted. */
    public static final int MAX_NUMBER_LENGTH = 400;
    /** The largest exponent accepted, either way. */
    public static final int MAX_EXPONENT = 400;

    /** Looked up once: the {@code Json} shortcuts look the provider up on every call. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private StrictJson() {}

    /** Parses a body; an empty body is an empty object. */
    public static JsonObject parseObject(byte[] body) {
        return parseObject(decodeUtf8(body), Messages::bodyNotAnObject);
    }

    /**
     * Parses a body that must be an object of another shape than a call's arguments (a batch), so that
     * well-formed JSON of another kind is refused with {@code notAnObject}.
     */
    public static JsonObject parseObject(byte[] body, Supplier<MizanException> notAnObject) {
        return parseObject(decodeUtf8(body), notAnObject);
    }

    /**
     * Parses text already decoded, a WebSocket text frame for one (its container refuses invalid UTF-8),
     * as strictly as a body.
     */
    public static JsonObject parseObject(String text) {
        return parseObject(text, Messages::bodyNotAnObject);
    }

    /** Parses decoded text that must be an object, refusing well-formed JSON of another kind with {@code notAnObject}. */
    public static JsonObject parseObject(String text, Supplier<MizanException> notAnObject) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        // decoded text holds a lone surrogate only through a \\u escape: without a backslash no string is checked
        Strings strings = text.indexOf('\\') < 0 ? Strings.AS_READ : Strings.CHECKED;
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw Messages.invalidJson(); // whitespace alone is no JSON text, and not the empty body either
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                // read the rest to tell malformed JSON from a well-formed non-object
                readValue(parser, first, 1, strings);
                throw notAnObject.get();
            }
            JsonObject object = readObject(parser, 1, strings);
            boolean trailing;
            try {
                trailing = parser.hasNext();
            } catch (JsonException e) {
                trailing = true;
            }
            if (trailing) {
                throw Messages.trailingData();
            }
            return object;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw Messages.invalidJson();
        }
    }

    /** Converts one number's text, refusing the ones that would be costly to convert. */
    public static BigDecimal number(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw Messages.numberTooLong(MAX_NUMBER_LENGTH);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0) {
            String exponent = text.substring(e + 1).replace("+", "");
            boolean tooLarge;
            try {
                tooLarge = Math.abs(Integer.parseInt(exponent)) > MAX_EXPONENT;
            } catch (NumberFormatException ex) {
                tooLarge = true;
            }
            if (tooLarge) {
                throw Messages.exponentTooLarge(MAX_EXPONENT);
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException ex) {
            throw Messages.invalidJson();
        }
    }

    /** A number of the tree: a whole number of up to 18 digits as a long, any other as a checked BigDecimal. */
    private static JsonNumber treeNumber(String text) {
        // the text alone decides: the parser's own isIntegralNumber() converts first, unchecked
        if (text.length() <= 18 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return PROVIDER.createValue(Long.parseLong(text));
        }
        return PROVIDER.createValue(number(text));
    }

    private static String decodeUtf8(byte[] body) {
        // the fast decoder replaces malformed input with U+FFFD; only a text holding one (never a
        // Latin-1 text, where the search ends at once) is decoded again strictly, to tell the two apart
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body))
                        .toString();
            } catch (CharacterCodingException e) {
                throw Messages.invalidUtf8();
            }
        }
        return text;
    }

    /** How the parser's strings are taken: as read, or checked for lone surrogates. */
    private enum Strings {
        AS_READ,
        CHECKED;

        String of(JsonParser parser) {
            String s = parser.getString();
            if (this == CHECKED && hasLoneSurrogate(s)) {
                throw Messages.loneSurrogate();
            }
            return s;
        }
    }

    /** Whether a surrogate in the text is not half of a high-low pair. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject readObject(JsonParser parser, int depth, Strings strings) {
        if (depth > MAX_DEPTH) {
            throw Messages.nestingTooDeep(MAX_DEPTH);
        }
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        // most objects have a few keys: compared one by one, without hashing, until they are many
        String[] few = new String[FEW_KEYS];
        int count = 0;
        Set<String> many = null;
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return builder.build();
            }
            String key = strings.of(parser);
            if (count < FEW_KEYS) {
                for (int i = 0; i < count; i++) {
                    if (few[i].equals(key)) {
                        throw Messages.duplicateKey(shorten(key));
                    }
                }
                few[count] = key;
            } else {
                if (many == null) {
                    many = new HashSet<>(List.of(few));
                }
                if (!many.add(key)) {
                    throw Messages.duplicateKey(shorten(key));
                }
            }
            count++;
            builder.add(key, readValue(parser, parser.next(), depth, strings));
        }
    }

    /** How many keys of an object are checked for duplicates without a hash set. */
    private static final int FEW_KEYS = 8;

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth, Strings strings) {
        return switch (event) {
            case START_OBJECT -> readObject(parser, depth + 1, strings);
            case START_ARRAY -> readArray(parser, depth + 1, strings);
            case VALUE_STRING -> PROVIDER.createValue(strings.of(parser));
            case VALUE_NUMBER -> treeNumber(parser.getString());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw Messages.invalidJson();
        };
    }

    private static JsonValue readArray(JsonParser parser, int depth, Strings strings) {
        if (depth > MAX_DEPTH) {
            throw Messages.nestingTooDeep(MAX_DEPTH);
        }
        JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return builder.build();
            }
            builder.add(readValue(parser, event, depth, strings));
        }
    }

    /** Text as a JSON string, quoted and escaped: {@code "a\"b"}. */
    public static String quote(String text) {
        return PROVIDER.createValue(text).toString();
    }

    public static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
