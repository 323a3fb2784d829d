/**
 * What the browser may call, described as data: {@link io.mizan.schema.ClientApi} picks the callable
 * functions and the types they reach out of the model, {@link io.mizan.schema.SchemaDocument} writes them
 * as JSON for {@code GET <base>/schema}, and {@link io.mizan.schema.JavaRegex} turns
 * {@code @Pattern} expressions into ECMAScript ones for JSON Schema and for generated Zod schemas.
 */
package io.mizan.schema;
