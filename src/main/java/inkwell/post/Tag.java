package inkwell.post;

/** A tag as the author wrote it ({@code name}) and the URL segment it lives at ({@code slug}). */
public record Tag(String name, String slug) {

  /** The tag for a name as written in front matter; the slug follows {@link Slugs#segment}. */
  public static Tag of(String name) {
    return new Tag(name, Slugs.segment(name));
  }
}
