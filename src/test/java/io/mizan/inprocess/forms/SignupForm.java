package io.mizan.inprocess.forms;

import io.mizan.FormField;
import io.mizan.Widget;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Two passwords that must match: a constraint on the record as a whole. */
@PasswordsMatch
public record SignupForm(
        @NotBlank String user,
        @Size(min = 8) @FormField(widget = Widget.PASSWORD) String password,
        @FormField(label = "Password, again", widget = Widget.PASSWORD) String confirm) {}
