package io.mizan.model;

import io.mizan.Scope;
import io.mizan.messages.Messages;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks contexts and {@code affects}, and works out how each affected context's key is scoped: by
 * the function's parameters whose names are parameters of the context.
 *
 * <pre>{@code
 * // @Client(affects = "userProfile") void rename(long userId, String name)
 * // @Client(context = Scope.LOCAL) Profile userProfile(long userId)
 * new ContextLinker(problems).link(byName, functions);   // rename: scopedBy {userProfile=[userId]}
 * }</pre>
 */
final class ContextLinker {

    private final List<String> problems;

    /** @param problems where contexts and {@code affects} that do not fit are reported */
    ContextLinker(List<String> problems) {
        this.problems = problems;
    }

    /**
     * The functions again, each with the scoping of the contexts it affects.
     *
     * @param byName every function by name
     * @param functions the functions in the model's order
     */
    List<FunctionModel> link(Map<String, FunctionModel> byName, List<FunctionModel> functions) {
        functions.forEach(this::checkContext);
        List<String> contextNames = functions.stream()
                .filter(FunctionModel::isContext)
                .map(FunctionModel::name)
                .sorted()
                .toList();
        List<FunctionModel> linked = new ArrayList<>();
        for (FunctionModel f : functions) {
            Map<String, List<String>> scopedBy = new TreeMap<>();
            for (String affected : f.affects()) {
                FunctionModel context = byName.get(affected);
                if (context == null || !context.isContext()) {
                    problems.add(Messages.unknownAffects(f.where(), affected, contextNames));
                    continue;
                }
                scopedBy.put(affected, scoping(f, context));
            }
            linked.add(new FunctionModel(
                    f.name(),
                    f.beanClass(),
                    f.method(),
                    f.params(),
                    f.result(),
                    f.resultType(),
                    f.scope(),
                    f.access(),
                    f.affects(),
                    scopedBy,
                    f.serverOnly(),
                    f.viewPath()));
        }
        return linked;
    }

    private void checkContext(FunctionModel f) {
        if (f.scope() == Scope.GLOBAL && !f.arguments().isEmpty()) {
            problems.add(Messages.globalContextWithArguments(
                    f.where(), f.arguments().stream().map(ParamModel::name).toList()));
        }
        if (f.scope() == Scope.LOCAL) {
            for (ParamModel p : f.arguments()) {
                if (!keyScalar(p)) {
                    problems.add(Messages.contextParameterNotScalar(f.where(), p.name()));
                }
            }
        }
        if (f.isContext() && f.viewPath()) {
            problems.add(Messages.contextOnViewPath(f.where()));
        }
        if (f.serverOnly() && f.viewPath()) {
            problems.add(Messages.serverOnlyOnViewPath(f.where()));
        }
    }

    /** The names of the function's parameters that scope the context's key. */
    private List<String> scoping(FunctionModel f, FunctionModel context) {
        Set<String> contextParams = new TreeSet<>();
        context.arguments().forEach(p -> contextParams.add(p.name()));
        Set<String> scoping = new TreeSet<>();
        for (ParamModel p : f.params()) {
            if ((p.source() == ParamModel.Source.ARGUMENT || p.source() == ParamModel.Source.JAX_RS)
                    && contextParams.contains(p.keyName())) {
                // refused here rather than failing every call while its key is written
                if (!keyScalar(p)) {
                    problems.add(Messages.scopingParameterNotScalar(f.where(), p.name(), context.name()));
                    continue;
                }
                scoping.add(p.keyName());
            }
        }
        return List.copyOf(scoping);
    }

    /**
     * Whether a parameter's values can be written into an invalidation key: a scalar or an enum,
     * possibly optional. A view-path parameter has a JSON type only when it is a scalar.
     */
    private static boolean keyScalar(ParamModel p) {
        if (p.type() != null) {
            TypeRef t = p.type() instanceof TypeRef.Nullable n ? n.inner() : p.type();
            return t.isKeyScalar();
        }
        Type type = p.javaType();
        if (type instanceof ParameterizedType pt
                && pt.getRawType() == Optional.class
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            type = c;
        }
        return type instanceof Class<?> c && (TypeMapper.isScalar(c) || c.isEnum());
    }
}
