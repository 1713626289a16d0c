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
    Map<String, Object> params,
    Addressing addressing) {

  static final FrontMatter NONE =
      new FrontMatter(
          null,
          null,
          null,
          null,
          List.of(),
          List.of(),
          null,
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          null,
          null,
          Map.of(),
          Addressing.NONE);

  /**
   * The fields of Hugo's and Jekyll's front matter that decide a post's address and whether it is
   * on the web; {@code null} where the source does not set them.
   *
   * @param url Hugo's {@code url} or Jekyll's {@code permalink}: the post's whole path
   * @param redirectTo Jekyll's {@code redirect_to}: the post is a 301 to this URL or path
   * @param outputs Hugo's {@code outputs} (lower case), or {@code null} when not given
   * @param writtenDate the calendar day of {@code date} as written, before any time zone is
   *     applied: Hugo and Jekyll build {@code :year/:month/:day} from it
   */
  record Addressing(
      String url, String redirectTo, List<String> outputs, java.time.LocalDate writtenDate) {
    static final Addressing NONE = new Addressing(null, null, null, null);
  }
}
