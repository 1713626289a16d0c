package inkwell.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads a site's config file (TOML, YAML or JSON, by its extension) into plain maps. Stateless. */
final class ConfigFiles {

  private ConfigFiles() {}

  /** A config file that cannot be read: the message names the file, line and column. */
  static final class ConfigException extends IOException {
    ConfigException(String message) {
      super(message);
    }
  }

  /** The file's top-level table, keys as written. */
  static Map<String, Object> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".toml")) {
      TomlParseResult toml = Toml.parse(text);
      if (toml.hasErrors()) {
        var error = toml.errors().get(0);
        throw new ConfigException(
            file
                + ":"
                + error.position().line()
                + ":"
                + error.position().column()
                + ": not valid TOML: "
                + error.getMessage());
      }
      return plain(toml);
    }
    try {
      Object root = new Load(LoadSettings.builder().build()).loadFromString(text);
      if (root == null) {
        return Map.of();
      }
      if (!(root instanceof Map<?, ?> map)) {
        throw new ConfigException(file + ":1:1: the config is not a set of settings");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    } catch (YamlEngineException e) {
      throw new ConfigException(file + ": not valid YAML: " + e.getMessage());
    }
  }

  /** TOML tables and arrays as plain maps and lists, all the way down. */
  private static Map<String, Object> plain(TomlTable table) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String key : table.keySet()) {
      map.put(key, plain(table.get(List.of(key))));
    }
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof TomlTable table) {
      return plain(table);
    }
    if (value instanceof TomlArray array) {
      return array.toList().stream().map(ConfigFiles::plain).toList();
    }
    return value;
  }

  /** The value of {@code key} in any case ({@code baseURL}, {@code baseurl}). */
  static Object get(Map<String, Object> map, String key) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** A text value, or a map's {@code name} (Hugo's and Jekyll's {@code author: {name: ...}}). */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Object name = get((Map<String, Object>) map, "name");
      return name == null ? null : name.toString();
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : text(list.get(0));
    }
    return value.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> table(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }
}
