package inkwell.migrate;

import inkwell.pipeline.Permalinks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Hugo or Jekyll config file says that Inkwell has a setting for; {@code null} where it says
 * nothing.
 *
 * @param permalinks the permalink rules (Hugo's defaults when the file has none)
 */
public record SiteSettings(
    String title,
    String baseUrl,
    String language,
    String description,
    String author,
    String timeZone,
    Permalinks permalinks) {

  /**
   * The Micronaut properties that carry these settings ({@code inkwell.site.title}, {@code
   * inkwell.permalinks}, ...); unset ones are left out.
   */
  public Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    put(properties, "inkwell.site.title", title);
    put(properties, "inkwell.site.description", description);
    put(properties, "inkwell.site.language", language);
    put(properties, "inkwell.site.author", author);
    put(properties, "inkwell.time-zone", timeZone);
    put(properties, "inkwell.permalinks", permalinks == null ? null : permalinks.spec());
    return properties;
  }

  private static void put(Map<String, Object> properties, String name, String value) {
    if (value != null && !value.isBlank()) {
      properties.put(name, value.strip());
    }
  }
}
