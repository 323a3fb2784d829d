package io.mizan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class GenericTypesTest {

    abstract static class Base<K, V> {
        public abstract Map<K, List<V>> map();

        public abstract V[] array();

        public abstract List<V>[] lists();

        public abstract List<? extends V> bounded();

        public abstract Optional<String> concrete();
    }

    abstract static class Middle<X> extends Base<String, X> {}

    abstract static class Leaf extends Middle<Integer> {}

    /** The JDK's own types of the same shapes, to compare with. */
    abstract static class Expected {
        public abstract Map<String, List<Integer>> map();

        public abstract List<Integer>[] lists();

        public abstract List<Integer> bounded();
    }

    private static Type resolved(String method) throws NoSuchMethodException {
        return GenericTypes.resolve(Base.class.getMethod(method).getGenericReturnType(), Leaf.class);
    }

    private static Type expected(String method) throws NoSuchMethodException {
        return Expected.class.getMethod(method).getGenericReturnType();
    }

    @Test
    void variablesAreReplacedThroughEveryGenericClassBetween() throws Exception {
        assertEquals(expected("map"), resolved("map"));
        assertEquals(resolved("map"), expected("map")); // equal either way, as the JDK's types are
        assertEquals(expected("map").hashCode(), resolved("map").hashCode());
        assertEquals(
                "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>",
                resolved("map").getTypeName());
    }

    @Test
    void arraysAndWildcardsAreResolvedToo() throws Exception {
        assertEquals(Integer[].class, resolved("array"));
        assertEquals(expected("lists"), resolved("lists"));
        assertEquals(resolved("lists"), expected("lists"));
        assertEquals(expected("lists").hashCode(), resolved("lists").hashCode());
        assertEquals(expected("bounded"), resolved("bounded"), "a wildcard is read as its bound");
    }

    @Test
    void aTypeWithoutVariablesOrABeanClassBindingNoneIsTheSameObject() throws Exception {
        Type concrete = Base.class.getMethod("concrete").getGenericReturnType();
        assertSame(concrete, GenericTypes.resolve(concrete, Leaf.class));
        Type open = Base.class.getMethod("map").getGenericReturnType();
        assertSame(open, GenericTypes.resolve(open, Object.class));
        assertSame(String.class, GenericTypes.resolve(String.class, Leaf.class));
    }
}
