package io.mizan.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mizan.Auth;
import io.mizan.codegen.fixture.Bookings;
import io.mizan.model.ModelBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

class FormSchemaTest {

    private static JsonObject field(JsonObject schema, String name) {
        return schema.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMomentsFieldSaysItCarriesAnOffsetAndNoOtherDoes() {
        JsonObject schema = FormSchema.of(new ModelBuilder(Auth.PUBLIC)
                .build(List.of(Bookings.class))
                .forms()
                .get("booking"));
        JsonObject checkIn = field(schema, "checkIn");
        assertEquals("datetime", checkIn.getString("type"));
        assertEquals("datetime", checkIn.getString("widget"));
        assertEquals(true, checkIn.getBoolean("offset"));
        assertFalse(field(schema, "until").containsKey("offset"), "a LocalDateTime is local");
        assertFalse(field(schema, "at").containsKey("offset"), "a LocalTime is local");
    }
}
