package inkwell.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The front-matter fields the engine understands, already type-checked; {@code null} where the
 * source does not set them. {@code params} keeps every other field.
 *
 * @param menu the post's position in the header's menu ({@link MenuField})
 * @param menuTitle its label there: {@code menuTitle}, Hugo's menu {@code name} or {@code
 *     linkTitle}
 */
record FrontMatter(
    String title,
    Instant date,
    Instant lastmod,
    String slug,
    List<String> tags,
    List<String> categories,
    String summary,
    Boolean draft,
    Instant publishDate,
    Instant expiryDate,
    List<String> aliases,
    String image,
    String author,
    String canonical,
    Integer menu,
    String menuTitle,
    Map<String, Object> params) {

  static final FrontMatter NONE =
      new FrontMatter(
          null, null, null, null, List.of(), List.of(), null, null, null, null, List.of(), null,
          null, null, null, null, Map.of());
}
