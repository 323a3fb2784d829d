package io.mizan.rpc;

import io.mizan.config.MizanSettings;
import io.mizan.manifest.ManifestDocument;
import io.mizan.model.Model;
import io.mizan.schema.SchemaDocument;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET <base>/manifest} and {@code GET <base>/schema}, written once at start. Each can be
 * switched off ({@code mizan.manifest.enabled}, {@code mizan.schema.enabled}); switched off, it
 * answers 404 and says so.
 */
final class Documents {

    private final String manifest;
    private final String schema;

    Documents(Model model, MizanSettings settings) {
        this.manifest = settings.manifestEnabled() ? ManifestDocument.toJson(model) : null;
        this.schema = settings.schemaEnabled() ? SchemaDocument.toJson(model) : null;
    }

    Response manifest() {
        return manifest == null ? Problem.response(404, "The manifest is switched off (mizan.manifest.enabled=false)")
                .build() : Response.ok(manifest, MediaType.APPLICATION_JSON_TYPE).build();
    }

    Response schema() {
        return schema == null ? Problem.response(404, "The schema is switched off (mizan.schema.enabled=false)")
                .build() : Response.ok(schema, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
