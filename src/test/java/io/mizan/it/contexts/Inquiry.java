package io.mizan.it.contexts;

import io.mizan.FormField;
import io.mizan.Widget;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The contact form of the forms tests. */
public record Inquiry(
        @NotBlank @FormField(label = "Your name") String name,
        @NotBlank @Email String email,
        Topic topic,
        @Size(max = 500) @FormField(widget = Widget.TEXTAREA, help = "Plain text") String message,
        boolean copyToMe) {

    public enum Topic {
        SALES,
        SUPPORT,
        PRESS
    }
}
