package io.mizan.model;

import java.util.List;

/** A named type that arguments or results use, described once. */
public sealed interface TypeDef {

    /** The name used on the wire schema and in generated code. */
    String name();

    /** The Java class it describes. */
    Class<?> javaType();

    /** An enum: a JSON string with one of these values. */
    record EnumDef(String name, Class<?> javaType, List<String> constants) implements TypeDef {
        public EnumDef {
            constants = List.copyOf(constants);
        }
    }

    /** A record or bean class: a JSON object with these properties. */
    record ObjectDef(String name, Class<?> javaType, List<String> typeParameters, List<PropertyModel> properties)
            implements TypeDef {
        public ObjectDef {
            typeParameters = List.copyOf(typeParameters);
            properties = List.copyOf(properties);
        }
    }
}
