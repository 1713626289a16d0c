package inkwell.infra;

import inkwell.config.BlogConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.naming.NameUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings the production code reads, found in the compiled classes rather than listed by hand,
 * so that a setting added to the code shows up here by itself:
 *
 * <ul>
 *   <li>every getter of every {@code @ConfigurationProperties} type, named the way Micronaut names
 *       it ({@code BlogConfig.getPostsPrefix()} under prefix {@code inkwell} is {@code
 *       inkwell.posts-prefix}, read from the environment variable {@code INKWELL_POSTS_PREFIX});
 *   <li>every {@code @Value("${name:default}")} placeholder;
 *   <li>every {@code AWS_*} variable name a class reads from the environment itself (the string
 *       constants in its class file).
 * </ul>
 */
final class CodeSettings {

  /** A configuration property, the type that declares it and the getter that reads it. */
  record Setting(Class<?> owner, Method getter, String property, String variable) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::[^}]*)?}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("(?:AWS|INKWELL)_[A-Z0-9_]+");

  private CodeSettings() {}

  /** Every production class, loaded without being initialised. */
  static List<Class<?>> productionClasses() {
    Path root = classesDirectory();
    try (Stream<Path> files = Files.walk(root.resolve("inkwell"))) {
      List<Class<?>> classes = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name =
            root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info")) {
          continue;
        }
        classes.add(Class.forName(name, false, CodeSettings.class.getClassLoader()));
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code @ConfigurationProperties} getter of the production code. */
  static List<Setting> configurationProperties() {
    List<Setting> settings = new ArrayList<>();
    for (Class<?> type : productionClasses()) {
      if (!type.isAnnotationPresent(ConfigurationProperties.class)) {
        continue;
      }
      String prefix = prefix(type);
      Method[] methods = type.getMethods();
      Stream.of(methods)
          .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
          .filter(m -> m.getDeclaringClass() != Object.class)
          .filter(m -> m.getName().matches("(get|is)[A-Z].*"))
          .sorted(Comparator.comparing(Method::getName))
          .forEach(
              getter -> {
                String property =
                    prefix
                        + "."
                        + NameUtils.hyphenate(NameUtils.getPropertyNameForGetter(getter.getName()));
                settings.add(
                    new Setting(type, getter, property, NameUtils.environmentName(property)));
              });
    }
    return settings;
  }

  private static String prefix(Class<?> type) {
    String own = type.getAnnotation(ConfigurationProperties.class).value();
    Class<?> enclosing = type.getEnclosingClass();
    if (enclosing != null && enclosing.isAnnotationPresent(ConfigurationProperties.class)) {
      return prefix(enclosing) + "." + own;
    }
    return own;
  }

  /** The property names of every {@code @Value} placeholder in the production code. */
  static Set<String> valuePlaceholders() {
    Set<String> names = new TreeSet<>();
    for (Class<?> type : productionClasses()) {
      for (Field field : type.getDeclaredFields()) {
        placeholders(field.getAnnotation(Value.class), names);
      }
      List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
      executables.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable executable : executables) {
        placeholders(executable.getAnnotation(Value.class), names);
        for (Parameter parameter : executable.getParameters()) {
          placeholders(parameter.getAnnotation(Value.class), names);
        }
      }
    }
    return names;
  }

  private static void placeholders(Value value, Set<String> names) {
    if (value == null) {
      return;
    }
    Matcher matcher = PLACEHOLDER.matcher(value.value());
    while (matcher.find()) {
      names.add(matcher.group(1).strip());
    }
  }

  /**
   * The {@code AWS_*} and {@code INKWELL_*} names in the string constants of {@code type}'s class
   * file.
   */
  static Set<String> variablesReadBy(Class<?> type) {
    Path file = classesDirectory().resolve(type.getName().replace('.', '/') + ".class");
    try {
      // Constant strings are stored as (modified) UTF-8; these names are plain ASCII.
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      Set<String> names = new TreeSet<>();
      Matcher matcher = VARIABLE_NAME.matcher(bytes);
      while (matcher.find()) {
        names.add(matcher.group());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path classesDirectory() {
    try {
      return Path.of(BlogConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
