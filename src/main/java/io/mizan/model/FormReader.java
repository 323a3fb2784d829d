package io.mizan.model;

import io.mizan.Client;
import io.mizan.Form;
import io.mizan.FormField;
import io.mizan.Scope;
import io.mizan.Widget;
import io.mizan.messages.Messages;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code @Form} methods: the handler becomes the function {@code <name>.submit}, and its record's
 * components the form's fields, with labels, widgets and choices.
 */
final class FormReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SignatureReader signatures;
    private final AccessRules access;
    private final List<String> problems;

    FormReader(SignatureReader signatures, AccessRules access, List<String> problems) {
        this.signatures = signatures;
        this.access = access;
        this.problems = problems;
    }

    /** Whether the class declares a form handler. */
    static boolean declared(Class<?> c) {
        return !methods(c).isEmpty();
    }

    /** The class's {@code @Form} methods, its superclasses' included, in a stable order. */
    static List<Method> methods(Class<?> beanClass) {
        List<Method> found = new ArrayList<>();
        for (Class<?> k = beanClass; k != null && k != Object.class; k = k.getSuperclass()) {
            Method[] declared = k.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
            for (Method m : declared) {
                if (!m.isBridge() && !m.isSynthetic() && m.isAnnotationPresent(Form.class)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    /** The form of a handler, or empty when it has a problem (reported). */
    Optional<FormModel> read(Class<?> beanClass, Method method, TypeMapper types) {
        Form form = method.getAnnotation(Form.class);
        String where = beanClass.getName() + "." + method.getName();
        String name = form.name().isEmpty() ? method.getName() : form.name();
        if (!NAME.matcher(name).matches()) {
            problems.add(Messages.formNameNotIdentifier(where, name));
            return Optional.empty();
        }
        if (method.isAnnotationPresent(Client.class)) {
            problems.add(Messages.formAndClient(where));
            return Optional.empty();
        }
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            problems.add(Messages.notPublicInstance(where));
            return Optional.empty();
        }
        access.checkForm(where, form, method);
        Optional<List<ParamModel>> params = signatures.parameters(where, beanClass, method, false);
        Type resultType = GenericTypes.resolve(method.getGenericReturnType(), beanClass);
        Optional<TypeRef> result = signatures.result(where, method, resultType);
        if (params.isEmpty() || result.isEmpty()) {
            return Optional.empty();
        }
        List<ParamModel> arguments = params.get().stream()
                .filter(p -> p.source() == ParamModel.Source.ARGUMENT)
                .toList();
        Class<?> recordType = arguments.size() == 1 && arguments.get(0).javaType() instanceof Class<?> c ? c : null;
        if (recordType == null || !recordType.isRecord() || !(arguments.get(0).type() instanceof TypeRef.ObjectRef)) {
            problems.add(Messages.formNotOneRecord(where));
            return Optional.empty();
        }
        ParamModel parameter = arguments.get(0);
        ValidCascade.Gap gap = ValidCascade.inValue(recordType); // the record is validated whole
        if (gap != null) {
            problems.add(Messages.constraintsNeverChecked(where, gap.holder(), gap.constrained()));
        }
        Client onClass = beanClass.getAnnotation(Client.class);
        MergedSettings settings = MergedSettings.forForm(onClass, form, name + FormModel.SUBMIT);
        AccessRule rule = access.ofForm(where, beanClass, method, form, settings);
        FunctionModel submit = new FunctionModel(
                name + FormModel.SUBMIT,
                beanClass,
                method,
                params.get(),
                result.get(),
                resultType,
                Scope.NONE,
                rule,
                new ArrayList<>(new TreeSet<>(settings.affects())),
                Map.of(),
                false,
                false);
        String title = form.title().isEmpty() ? humanize(name) : form.title();
        return Optional.of(new FormModel(
                name,
                title,
                recordType,
                parameter.type(),
                parameter.name(),
                fields(recordType, (TypeRef.ObjectRef) parameter.type(), types),
                submit));
    }

    private static List<FormFieldModel> fields(Class<?> recordType, TypeRef.ObjectRef type, TypeMapper types) {
        TypeDef.ObjectDef def = types.definitions().stream()
                .filter(d -> d instanceof TypeDef.ObjectDef && d.name().equals(type.name()))
                .map(d -> (TypeDef.ObjectDef) d)
                .findFirst()
                .orElseThrow();
        List<FormFieldModel> fields = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            def.properties().stream()
                    .filter(p -> p.javaName().equals(component.getName()))
                    .findFirst()
                    .ifPresent(p -> fields.add(field(component, p, types)));
        }
        return fields;
    }

    private static FormFieldModel field(RecordComponent component, PropertyModel property, TypeMapper types) {
        FormField shown = shown(component);
        TypeRef type = property.type();
        boolean required = !(type instanceof TypeRef.Nullable);
        TypeRef bare = type instanceof TypeRef.Nullable n ? n.inner() : type;
        List<String> choices = bare instanceof TypeRef.EnumRef e
                ? types.definitions().stream()
                        .filter(d -> d instanceof TypeDef.EnumDef && d.name().equals(e.name()))
                        .map(d -> ((TypeDef.EnumDef) d).constants())
                        .findFirst()
                        .orElse(List.of())
                : List.of();
        String widget = shown != null && shown.widget() != Widget.AUTO
                ? shown.widget().wireName()
                : inferredWidget(bare, property.constraints()).wireName();
        return new FormFieldModel(
                property.name(),
                property.javaName(),
                type,
                component.getGenericType(),
                shown != null && !shown.label().isEmpty() ? shown.label() : humanize(component.getName()),
                shown != null ? shown.help() : "",
                shown != null ? shown.placeholder() : "",
                widget,
                required,
                property.constraints(),
                choices);
    }

    /** {@code @FormField} on the component, or on its field or accessor (where some annotations land). */
    private static FormField shown(RecordComponent component) {
        FormField on = component.getAnnotation(FormField.class);
        if (on == null) {
            on = component.getAccessor().getAnnotation(FormField.class);
        }
        if (on == null) {
            try {
                on = component
                        .getDeclaringRecord()
                        .getDeclaredField(component.getName())
                        .getAnnotation(FormField.class);
            } catch (NoSuchFieldException e) {
                on = null;
            }
        }
        return on;
    }

    private static Widget inferredWidget(TypeRef type, List<ConstraintModel> constraints) {
        if (type instanceof TypeRef.EnumRef) {
            return Widget.SELECT;
        }
        if (type instanceof TypeRef.Scalar scalar) {
            return switch (scalar.kind()) {
                case BOOLEAN -> Widget.CHECKBOX;
                case INTEGER, NUMBER -> Widget.NUMBER;
                case DATE -> Widget.DATE;
                case DATE_TIME -> Widget.DATETIME;
                case TIME -> Widget.TIME;
                default -> constraints.stream().anyMatch(c -> c.name().equals("Email")) ? Widget.EMAIL : Widget.TEXT;
            };
        }
        return Widget.TEXT;
    }

    /** {@code postalCode} and {@code postal_code} read "Postal code". */
    static String humanize(String name) {
        String spaced =
                name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').trim();
        if (spaced.isEmpty()) {
            return name;
        }
        String lower = spaced.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
