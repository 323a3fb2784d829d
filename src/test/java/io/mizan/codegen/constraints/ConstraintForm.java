package io.mizan.codegen.constraints;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

/** Takes the fixture, so that the generator writes its Zod schema. */
@ApplicationScoped
public class ConstraintForm {

    @Client
    public void check(@Valid ConstraintFixture fixture) {}
}
