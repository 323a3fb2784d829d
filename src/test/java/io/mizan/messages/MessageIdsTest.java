package io.mizan.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mizan.FieldError;
import io.mizan.MizanException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every message of the catalog carries an id of its own, and {@code docs/problems.md} lists it. Each
 * catalog method is called with sample arguments and its id read from what it returns: the start of
 * a text, or the code of a refusal.
 */
class MessageIdsTest {

    private static final Pattern ID = Pattern.compile("MIZAN-\\d{3}");

    /** Id to the method that produces it, for every catalog method. */
    static Map<String, String> ids() throws Exception {
        Map<String, String> ids = new TreeMap<>();
        for (Method m : Messages.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())
                    || !Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("id")) {
                continue;
            }
            String id = id(m);
            assertTrue(ID.matcher(id).matches(), m.getName() + " has the id " + id);
            String other = ids.put(id, m.getName());
            if (other != null) {
                fail(id + " is used by both " + other + " and " + m.getName());
            }
        }
        return ids;
    }

    private static String id(Method m) throws IllegalAccessException {
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = sample(m.getName(), m.getGenericParameterTypes()[i]);
        }
        Object result;
        try {
            result = m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(m.getName() + " failed on sample arguments", e.getCause());
        }
        if (result instanceof MizanException refusal) {
            assertNotNull(refusal.code(), m.getName() + " gives a refusal without a code");
            assertFalse(
                    refusal.getMessage().contains("MIZAN-"),
                    m.getName() + ": the id travels as the code," + " not in the text: " + refusal.getMessage());
            assertTrue(
                    Integer.parseInt(refusal.code().substring(6)) >= 100,
                    m.getName() + " is a call-time" + " refusal with a deployment id");
            return refusal.code();
        }
        if (result instanceof String text) {
            String id = Messages.id(text);
            assertNotNull(id, m.getName() + " does not start with its id: " + text);
            return id;
        }
        throw new AssertionError(m.getName() + " returns " + m.getReturnType() + ", neither a text nor a refusal");
    }

    private static Object sample(String method, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
        if (raw == String.class) {
            return "sample";
        }
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) 2 : (Object) 2L;
        }
        if (raw == boolean.class) {
            return true;
        }
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            Object one = item == FieldError.class ? new FieldError("name", "must not be blank") : "sample";
            return raw == Set.class ? Set.of(one) : List.of(one);
        }
        if (raw == Class.class) {
            return Object.class;
        }
        if (raw == java.time.Duration.class) {
            return java.time.Duration.ofSeconds(2);
        }
        throw new AssertionError(
                "teach " + MessageIdsTest.class.getSimpleName() + " a sample " + type + " for Messages." + method);
    }

    @Test
    void everyIdIsUnique() throws Exception {
        Map<String, String> ids = ids();
        assertTrue(
                ids.containsKey("MIZAN-001") && ids.containsKey("MIZAN-100") && ids.containsKey("MIZAN-120"),
                ids.toString());
    }

    @Test
    void everyIdIsListedInTheProblemsPage() throws Exception {
        String page = problemsPage();
        List<String> unlisted = new ArrayList<>();
        for (Map.Entry<String, String> e : ids().entrySet()) {
            if (!page.contains("| " + e.getKey() + " |")) {
                unlisted.add(e.getKey() + " (" + e.getValue() + ")");
            }
        }
        assertEquals(List.of(), unlisted, "ids missing from a table row of docs/problems.md");
    }

    private static String problemsPage() throws IOException {
        return Files.readString(Path.of(System.getProperty("user.dir"), "docs", "problems.md"));
    }
}
