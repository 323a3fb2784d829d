package io.mizan.model;

import java.util.List;
import java.util.Objects;

/**
 * One form, as read from its {@code @Form} method: the record it takes, its fields in record order,
 * and the function that submits it.
 *
 * @param name the form's name: its functions are {@code <name>.schema}, {@code <name>.validate} and
 *     {@code <name>.submit}
 * @param title the title to show
 * @param recordType the form record's class
 * @param type the form record's JSON type
 * @param parameter the name of the handler's parameter that takes the record
 * @param fields the record's components, in order
 * @param submit the handler, as the function {@code <name>.submit}
 */
public record FormModel(
        String name,
        String title,
        Class<?> recordType,
        TypeRef type,
        String parameter,
        List<FormFieldModel> fields,
        FunctionModel submit) {

    public FormModel {
        Objects.requireNonNull(name);
        fields = List.copyOf(fields);
    }

    /** The suffix of the function that describes the form. */
    public static final String SCHEMA = ".schema";

    /** The suffix of the function that checks a form without submitting it. */
    public static final String VALIDATE = ".validate";

    /** The suffix of the function that submits a form. */
    public static final String SUBMIT = ".submit";
}
