package io.mizan.demo;

import io.mizan.FormField;
import io.mizan.Widget;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The demo's contact form: its constraints are checked in the browser and on the server. */
public record ContactForm(
        @NotBlank @Size(max = 60) @FormField(label = "Your name", placeholder = "Ada Lovelace") String name,
        // 254: the longest address SMTP carries (RFC 5321), and the column's size
        @NotBlank @Email @Size(max = 254) @FormField(placeholder = "ada@example.com") String email,
        @NotNull(message = "Choose a topic") Topic topic,
        @NotBlank @Size(min = 10, max = 1000)
                @FormField(widget = Widget.TEXTAREA, help = "At least 10 characters.")
                String message,
        @FormField(label = "Send me a copy") boolean copy,
        // a moment: the browser sends the local time it shows with its offset, staff read it in theirs
        @Nullable @FormField(label = "Call me back at", help = "Your local time; leave it empty for an email.")
                Instant callBack) {

    /** What the message is about: a select. */
    public enum Topic {
        QUESTION,
        BUG,
        IDEA
    }
}
