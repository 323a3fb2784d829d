package io.mizan.it.core;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The types the core tests send and receive. */
public final class Types {

    private Types() {}

    public enum Color {
        RED,
        GREEN
    }

    public record Greeting(String text, int length) {}

    public record Page<T>(List<T> items, long total) {}

    /** With methods JSON-B alone would write as "isRed" and "getLabel", properties no generated type has. */
    public record Item(@JsonbProperty("item_name") String name, Color color) {
        public boolean isRed() {
            return color == Color.RED;
        }

        public String getLabel() {
            return name + " (" + color + ")";
        }
    }

    public record Everything(
            String text,
            long big,
            double ratio,
            boolean flag,
            Color color,
            LocalDate day,
            Instant at,
            Optional<String> note,
            List<Integer> numbers,
            Set<String> tags,
            Map<String, Integer> counts,
            Page<Item> page,
            BigDecimal price,
            UUID id) {}

    public record Address(@NotBlank String city, @Size(max = 5) String zip) {}

    public record Signup(
            @NotBlank @Email String email,
            @Min(18) int age,
            @Valid @NotNull Address address,
            List<@NotBlank String> nicknames) {}

    public record Checked(@NotNull String value) {}
}
