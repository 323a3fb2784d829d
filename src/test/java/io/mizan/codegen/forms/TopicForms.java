package io.mizan.codegen.forms;

import io.mizan.Form;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/** A form whose select says in its own words that it needs a choice. */
@ApplicationScoped
public class TopicForms {

    /** What a message is about. */
    public enum Topic {
        SALES,
        SUPPORT
    }

    /** A topic with its own message when left empty, and a size with the default one. */
    public record Question(@NotNull(message = "Choose a topic") Topic topic, @NotNull Topic fallback) {}

    @Form(name = "question")
    public String ask(Question question) {
        return question.topic().name();
    }
}
