package io.mizan.it.boundary;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Results are held to the model as arguments are; one naming (the JSON one) everywhere. */
@ApplicationScoped
public class Results {

    public record Report(String title, Optional<String> note) {}

    public record Page<T>(List<T> items) {}

    public record Address(@JsonbProperty("postal_code") @NotBlank @Size(max = 8) String postalCode, String city) {}

    @Client
    public Report titled(String title) {
        return new Report(title, Optional.empty());
    }

    @Client
    public Report nullReport() {
        return null;
    }

    @Client
    public Report untitled() {
        return new Report(null, Optional.empty());
    }

    @Client
    public Optional<Report> maybeReport() {
        return Optional.empty();
    }

    @Client
    public List<String> names() {
        return Arrays.asList("a", null);
    }

    @Client
    public Page<Report> page() {
        return new Page<>(List.of(new Report("ok", Optional.empty()), new Report(null, Optional.of("x"))));
    }

    @Client
    public String shipAddress(@Valid Address address) {
        return address.city();
    }
}
