package io.mizan.rpc;

import io.mizan.config.MizanSettings;
import io.mizan.manifest.ManifestDocument;
import io.mizan.messages.Messages;
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

    Response.ResponseBuilder manifest() {
        return manifest == null
                ? Problem.response(Messages.documentSwitchedOff("manifest", "mizan.manifest.enabled"))
                : Response.ok(manifest, MediaType.APPLICATION_JSON_TYPE);
    }

    Response.ResponseBuilder schema() {
        return schema == null
                ? Problem.response(Messages.documentSwitchedOff("schema", "mizan.schema.enabled"))
                : Response.ok(schema, MediaType.APPLICATION_JSON_TYPE);
    }
}
