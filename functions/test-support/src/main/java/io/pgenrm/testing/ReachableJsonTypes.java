package io.pgenrm.testing;

import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project types Jackson touches when it reads a function's request or writes its response: walks record
 * components (and fields of plain classes), generic arguments and array components from the @Funq signatures
 * down. Only io.pgenrm types are collected; JDK and library types (String, List, Map, Uni) are walked through,
 * since the native build registers those itself.
 */
public final class ReachableJsonTypes {
    private static final String OWN_PACKAGE = "io.pgenrm.";

    private ReachableJsonTypes() {
    }

    /** Parameter and return types of every @Funq method of the classes compiled into {@code classesDir}. */
    public static List<Type> funqSignatures(Path classesDir) {
        List<Type> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classesDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                for (Method method : Class.forName(name, false, ReachableJsonTypes.class.getClassLoader())
                        .getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Funq.class)) {
                        types.add(method.getGenericReturnType());
                        types.addAll(Arrays.asList(method.getGenericParameterTypes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + classesDir, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class not loadable: " + e.getMessage(), e);
        }
        return types;
    }

    /** Every io.pgenrm type reachable from {@code roots}, roots included. */
    public static Set<Class<?>> from(Collection<? extends Type> roots) {
        Set<Class<?>> found = new LinkedHashSet<>();
        roots.forEach(root -> visit(root, found));
        return found;
    }

    /** The targets of {@code holder}'s @RegisterForReflection. */
    public static Set<Class<?>> registeredBy(Class<?> holder) {
        RegisterForReflection registration = holder.getAnnotation(RegisterForReflection.class);
        if (registration == null) {
            throw new IllegalArgumentException(holder.getName() + " has no @RegisterForReflection");
        }
        return new LinkedHashSet<>(Arrays.asList(registration.targets()));
    }

    /** Names of the types in {@code needed} that are not in {@code registered}, sorted; empty when covered. */
    public static Set<String> missing(Set<Class<?>> needed, Set<Class<?>> registered) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : needed) {
            if (!registered.contains(type)) {
                names.add(type.getName());
            }
        }
        return names;
    }

    private static void visit(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            visit(parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                visit(argument, found);
            }
        } else if (type instanceof GenericArrayType array) {
            visit(array.getGenericComponentType(), found);
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> visit(bound, found));
            Arrays.stream(wildcard.getLowerBounds()).forEach(bound -> visit(bound, found));
        } else if (type instanceof TypeVariable<?> variable) {
            Arrays.stream(variable.getBounds()).forEach(bound -> visit(bound, found));
        } else if (type instanceof Class<?> plain) {
            visitClass(plain, found);
        }
    }

    private static void visitClass(Class<?> type, Set<Class<?>> found) {
        if (type.isArray()) {
            visit(type.getComponentType(), found);
            return;
        }
        if (type.isPrimitive() || !type.getName().startsWith(OWN_PACKAGE) || !found.add(type)) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                visit(component.getGenericType(), found);
            }
        } else if (!type.isEnum()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    visit(field.getGenericType(), found);
                }
            }
        }
    }
}
