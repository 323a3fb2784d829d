package io.mizan.json;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Passes every event on to the real generator and shows it to a {@link NullCheck} on the way. */
final class CheckingGenerator implements JsonGenerator {

    private final JsonGenerator out;
    private final NullCheck check;
    private String key;

    CheckingGenerator(JsonGenerator out, NullCheck check) {
        this.out = out;
        this.check = check;
    }

    private String takeKey() {
        String k = key;
        key = null;
        return k;
    }

    private JsonGenerator scalar(String name, boolean isNull) {
        check.value(name, isNull);
        return this;
    }

    @Override
    public JsonGenerator writeStartObject() {
        check.start(takeKey(), false);
        out.writeStartObject();
        return this;
    }

    @Override
    public JsonGenerator writeStartObject(String name) {
        check.start(name, false);
        out.writeStartObject(name);
        return this;
    }

    @Override
    public JsonGenerator writeKey(String name) {
        key = name;
        out.writeKey(name);
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        check.start(takeKey(), true);
        out.writeStartArray();
        return this;
    }

    @Override
    public JsonGenerator writeStartArray(String name) {
        check.start(name, true);
        out.writeStartArray(name);
        return this;
    }

    @Override
    public JsonGenerator write(String name, JsonValue value) {
        out.write(name, value);
        return scalar(name, value == null || value.getValueType() == JsonValue.ValueType.NULL);
    }

    @Override
    public JsonGenerator write(String name, String value) {
        out.write(name, value);
        return scalar(name, value == null);
    }

    @Override
    public JsonGenerator write(String name, BigInteger value) {
        out.write(name, value);
        return scalar(name, value == null);
    }

    @Override
    public JsonGenerator write(String name, BigDecimal value) {
        out.write(name, value);
        return scalar(name, value == null);
    }

    @Override
    public JsonGenerator write(String name, int value) {
        out.write(name, value);
        return scalar(name, false);
    }

    @Override
    public JsonGenerator write(String name, long value) {
        out.write(name, value);
        return scalar(name, false);
    }

    @Override
    public JsonGenerator write(String name, double value) {
        out.write(name, value);
        return scalar(name, false);
    }

    @Override
    public JsonGenerator write(String name, boolean value) {
        out.write(name, value);
        return scalar(name, false);
    }

    @Override
    public JsonGenerator writeNull(String name) {
        out.writeNull(name);
        return scalar(name, true);
    }

    @Override
    public JsonGenerator writeEnd() {
        check.end();
        out.writeEnd();
        return this;
    }

    @Override
    public JsonGenerator write(JsonValue value) {
        out.write(value);
        return scalar(takeKey(), value == null || value.getValueType() == JsonValue.ValueType.NULL);
    }

    @Override
    public JsonGenerator write(String value) {
        out.write(value);
        return scalar(takeKey(), value == null);
    }

    @Override
    public JsonGenerator write(BigDecimal value) {
        out.write(value);
        return scalar(takeKey(), value == null);
    }

    @Override
    public JsonGenerator write(BigInteger value) {
        out.write(value);
        return scalar(takeKey(), value == null);
    }

    @Override
    public JsonGenerator write(int value) {
        out.write(value);
        return scalar(takeKey(), false);
    }

    @Override
    public JsonGenerator write(long value) {
        out.write(value);
        return scalar(takeKey(), false);
    }

    @Override
    public JsonGenerator write(double value) {
        out.write(value);
        return scalar(takeKey(), false);
    }

    @Override
    public JsonGenerator write(boolean value) {
        out.write(value);
        return scalar(takeKey(), false);
    }

    @Override
    public JsonGenerator writeNull() {
        out.writeNull();
        return scalar(takeKey(), true);
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
