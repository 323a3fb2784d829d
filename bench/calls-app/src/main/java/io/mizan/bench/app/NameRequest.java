package io.mizan.bench.app;

import jakarta.validation.constraints.NotBlank;

/** The baseline's request body: what Mizan reads from {"name": ...} by parameter name. */
public record NameRequest(@NotBlank String name) {
}
