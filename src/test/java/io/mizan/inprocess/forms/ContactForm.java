package io.mizan.inprocess.forms;

import io.mizan.FormField;
import io.mizan.Widget;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact form: text, an email, a select, a textarea, a checkbox and an optional number. */
public record ContactForm(
        @NotBlank @Size(max = 80) @FormField(label = "Your name", placeholder = "Ada Lovelace") String name,
        @NotBlank @Email String email,
        Topic topic,
        @Size(max = 2000) @FormField(widget = Widget.TEXTAREA, help = "We answer within a day") String message,
        boolean newsletter,
        @JsonbProperty("age_in_years") @Nullable @Min(18) Integer ageInYears) {

    public enum Topic {
        SALES,
        SUPPORT
    }
}
