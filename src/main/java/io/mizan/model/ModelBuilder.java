package io.mizan.model;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.messages.Messages;
import jakarta.ws.rs.core.Response;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code @Client} methods into a {@link Model} and checks everything a user can get wrong, so
 * that a broken application fails at deployment with messages naming the class, the method and the fix.
 *
 * <p>Used by the CDI extension at deployment and by the code generator on compiled classes.
 *
 * <pre>{@code
 * Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Users.class, Orders.class));
 * }</pre>
 *
 * <p>The parts, one job each: {@link FunctionMethods} decides which methods are functions,
 * {@link MergedSettings} merges a method's {@code @Client} with its class's, {@link SignatureReader}
 * reads parameters and results, {@link AccessRules} decides who may call, and {@link ContextLinker}
 * links {@code affects} to contexts and scopes their keys. Every problem is collected, and all of them
 * are reported together.
 */
public final class ModelBuilder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Mizan's own functions are named {@code auth.login}: a dot no application's name has. */
    private static final Pattern BUILT_IN_NAME = Pattern.compile("auth\\.[a-z]+");

    /** The package of Mizan's own functions. */
    private static final String BUILT_IN_PACKAGE = "io.mizan.auth";

    private final Auth defaultAuth;
    private final List<String> problems = new ArrayList<>();
    private final TypeMapper types;
    private final FunctionMethods functionMethods = new FunctionMethods(problems);
    private final SignatureReader signatures;
    private final AccessRules access;
    private final ChannelReader channelReader;
    private final FormReader formReader;

    /** @param defaultAuth what {@link Auth#DEFAULT} means: {@link Auth#PUBLIC} or {@link Auth#AUTHENTICATED} */
    public ModelBuilder(Auth defaultAuth) {
        this(defaultAuth, new NamedTypes());
    }

    private ModelBuilder(Auth defaultAuth, NamedTypes named) {
        if (defaultAuth == Auth.DEFAULT) {
            throw new IllegalArgumentException("the default must be PUBLIC or AUTHENTICATED");
        }
        this.defaultAuth = defaultAuth;
        this.types = new TypeMapper(named);
        this.signatures = new SignatureReader(types, problems);
        this.channelReader = new ChannelReader(types, problems);
        this.access = new AccessRules(defaultAuth, problems);
        this.formReader = new FormReader(signatures, access, problems);
    }

    /**
     * Reads {@code mizan.auth.default}'s value.
     *
     * @throws ModelException for a value other than {@code public} or {@code authenticated}
     */
    public static Auth parseDefaultAuth(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("public")) {
            return Auth.PUBLIC;
        }
        if (value.trim().equalsIgnoreCase("authenticated")) {
            return Auth.AUTHENTICATED;
        }
        throw new ModelException(List.of(Messages.defaultAuthUnknown(value)));
    }

    /** Whether the class declares a server function, so that it belongs in the model. */
    public static boolean declaresFunctions(Class<?> c) {
        return FunctionMethods.declared(c);
    }

    /** Whether the class is a {@code @Channel} handler, so that it belongs in the model. */
    public static boolean declaresChannel(Class<?> c) {
        return ChannelReader.declared(c);
    }

    /** Whether the class belongs in the model: it declares functions or forms, or is a channel. */
    public static boolean belongsInModel(Class<?> c) {
        return declaresFunctions(c) || declaresChannel(c);
    }

    /**
     * Builds the model of these bean classes.
     *
     * @throws ModelException listing every problem found
     */
    public Model build(Iterable<Class<?>> beanClasses) {
        try {
            Model model = buildOnce(beanClasses);
            return types.named().orderDependent() ? again(beanClasses) : model;
        } catch (ModelException e) {
            if (types.named().orderDependent()) {
                return again(beanClasses);
            }
            throw e;
        }
    }

    /**
     * Builds the model again, naming the types knowing all of them: two types of one simple name were met, and the
     * first kept it. Rare, and the names no longer change with the order of the functions.
     */
    private Model again(Iterable<Class<?>> beanClasses) {
        return new ModelBuilder(defaultAuth, new NamedTypes(types.named().met())).buildOnce(beanClasses);
    }

    private Model buildOnce(Iterable<Class<?>> beanClasses) {
        Map<String, FunctionModel> byName = new TreeMap<>();
        List<FunctionModel> functions = new ArrayList<>();
        List<Class<?>> sorted = new ArrayList<>();
        beanClasses.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Class::getName));
        Map<String, ChannelModel> channels = new TreeMap<>();
        Map<String, FormModel> forms = new TreeMap<>();
        for (Class<?> beanClass : sorted) {
            for (Method method : FormReader.methods(beanClass)) {
                formReader.read(beanClass, method, types).ifPresent(form -> {
                    FormModel clash = forms.putIfAbsent(form.name(), form);
                    if (clash != null) {
                        problems.add(Messages.duplicateForm(
                                form.submit().where(),
                                form.name(),
                                clash.submit().where()));
                    } else {
                        byName.put(form.submit().name(), form.submit());
                        functions.add(form.submit());
                    }
                });
            }
            if (declaresChannel(beanClass)) {
                channelReader.read(beanClass).ifPresent(channel -> {
                    ChannelModel clash = channels.putIfAbsent(channel.name(), channel);
                    if (clash != null) {
                        problems.add(Messages.duplicateChannel(channel.where(), channel.name(), clash.where()));
                    }
                });
            }
            if (!declaresFunctions(beanClass)) {
                continue;
            }
            checkClass(beanClass);
            for (Method method : functionMethods.of(beanClass)) {
                FunctionModel function = read(beanClass, method);
                if (function == null) {
                    continue;
                }
                FunctionModel clash = byName.putIfAbsent(function.name(), function);
                if (clash != null) {
                    problems.add(Messages.duplicateName(function.where(), function.name(), clash.where()));
                    continue;
                }
                functions.add(function);
            }
        }
        List<FunctionModel> linked = new ContextLinker(problems).link(byName, functions);
        problems.addAll(types.contradictions());
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        List<FormModel> linkedForms = new ArrayList<>();
        for (FormModel form : forms.values()) { // the submit as linked: its affects scoped
            FunctionModel submit = linked.stream()
                    .filter(f -> f.name().equals(form.submit().name()))
                    .findFirst()
                    .orElse(form.submit());
            linkedForms.add(new FormModel(
                    form.name(),
                    form.title(),
                    form.recordType(),
                    form.type(),
                    form.parameter(),
                    form.fields(),
                    submit));
        }
        return new Model(linked, channels.values(), linkedForms, types.definitions());
    }

    /** Problems of the class as a whole, reported once rather than for each of its methods. */
    private void checkClass(Class<?> beanClass) {
        Client onClass = beanClass.getAnnotation(Client.class);
        if (onClass != null && !onClass.name().isEmpty()) {
            problems.add(Messages.classLevelName(beanClass.getName(), onClass.name()));
        }
        access.checkClass(beanClass);
    }

    /** One function, or {@code null} when it has a problem that leaves nothing to build. */
    private FunctionModel read(Class<?> beanClass, Method method) {
        MergedSettings settings =
                MergedSettings.merge(beanClass.getAnnotation(Client.class), method.getAnnotation(Client.class));
        String name = settings.name().isEmpty() ? method.getName() : settings.name();
        String where = beanClass.getName() + "." + method.getName();
        boolean builtIn = beanClass.getPackageName().equals(BUILT_IN_PACKAGE);
        if (!(builtIn ? BUILT_IN_NAME : NAME).matcher(name).matches()) {
            problems.add(Messages.nameNotIdentifier(where, name));
            return null;
        }
        access.checkMethod(where, method);
        boolean viewPath = Response.class.isAssignableFrom(method.getReturnType());
        Optional<List<ParamModel>> params = signatures.parameters(where, beanClass, method, viewPath);
        if (params.isEmpty()) {
            return null;
        }
        for (ParamModel param : params.get()) {
            ValidCascade.Gap gap = param.source() == ParamModel.Source.ARGUMENT
                    ? ValidCascade.ofParameter(method.getParameters()[param.index()], beanClass)
                    : null;
            if (gap != null) {
                problems.add(Messages.constraintsNeverChecked(where, gap.holder(), gap.constrained()));
            }
        }
        Type resultType = GenericTypes.resolve(method.getGenericReturnType(), beanClass);
        TypeRef result = null;
        if (!viewPath) {
            Optional<TypeRef> read = signatures.result(where, method, resultType);
            if (read.isEmpty()) {
                return null;
            }
            result = read.get();
        }
        AccessRule rule = access.of(where, beanClass, method, settings);
        return new FunctionModel(
                name,
                beanClass,
                method,
                params.get(),
                result,
                resultType,
                settings.context(),
                rule,
                new ArrayList<>(new TreeSet<>(settings.affects())),
                Map.of(),
                settings.serverOnly(),
                viewPath);
    }
}
