package inkwell.infra;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The actual type arguments a class gives a generic interface somewhere up its hierarchy: for
 * {@code class PublishHandler extends MicronautRequestHandler<S3Event, Void>} and {@code
 * MicronautRequestHandler<I, O> implements RequestHandler<I, O>}, {@code RequestHandler}'s
 * arguments are {@code [S3Event, Void]}. Type variables are followed through every superclass and
 * superinterface.
 */
final class TypeArguments {

  private TypeArguments() {}

  /** The arguments, or empty if {@code type} does not implement {@code generic}. */
  static Optional<Type[]> of(Class<?> type, Class<?> generic) {
    return search(type, generic, Map.of());
  }

  private static Optional<Type[]> search(
      Class<?> type, Class<?> generic, Map<TypeVariable<?>, Type> bindings) {
    if (type == null) {
      return Optional.empty();
    }
    for (Type supertype : supertypes(type)) {
      Class<?> raw = raw(supertype);
      if (raw == null) {
        continue;
      }
      Map<TypeVariable<?>, Type> next = new HashMap<>();
      if (supertype instanceof ParameterizedType parameterized) {
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = parameterized.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          next.put(variables[i], resolve(arguments[i], bindings));
        }
      }
      if (raw == generic) {
        Type[] resolved = new Type[raw.getTypeParameters().length];
        for (int i = 0; i < resolved.length; i++) {
          resolved[i] = next.getOrDefault(raw.getTypeParameters()[i], Object.class);
        }
        return Optional.of(resolved);
      }
      Optional<Type[]> found = search(raw, generic, next);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Type[] supertypes(Class<?> type) {
    Type[] interfaces = type.getGenericInterfaces();
    Type superclass = type.getGenericSuperclass();
    if (superclass == null) {
      return interfaces;
    }
    Type[] all = new Type[interfaces.length + 1];
    all[0] = superclass;
    System.arraycopy(interfaces, 0, all, 1, interfaces.length);
    return all;
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, type) : type;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return null;
  }
}
