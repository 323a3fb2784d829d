package io.mizan.demo;

import io.mizan.FormField;
import io.mizan.Widget;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The demo's contact form: its constraints are checked in the browser and on the server. */
public record ContactForm(
        @NotBlank @Size(max = 60) @FormField(label = "Your name", placeholder = "Ada Lovelace") String name,
        // 254: the longest address SMTP carries (RFC 5321), and the column's size
        @NotBlank @Email @Size(max = 254) @FormField(placeholder = "ada@example.com") String email,
        @NotNull(message = "Choose a topic") Topic topic,
        @NotBlank @Size(min = 10, max = 1000)
                @FormField(widget = Widget.TEXTAREA, help = "At least 10 characters.")
                String message,
        @FormField(label = "Send me a copy") boolean copy) {

    /** What the message is about: a select. */
    public enum Topic {
        QUESTION,
        BUG,
        IDEA
    }
}
