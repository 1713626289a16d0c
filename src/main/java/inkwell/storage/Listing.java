package inkwell.storage;

/**
 * Which posts a listing shows; all listings are newest first and hold only visible posts, and only
 * {@link Pages} holds standalone pages.
 */
public sealed interface Listing {

  /** Every visible post: the home page and the feeds. */
  record All() implements Listing {}

  /** The visible standalone pages, for the sitemap; they are in no other listing. */
  record Pages() implements Listing {}

  /** The visible posts with one tag. */
  record Tagged(String tagSlug) implements Listing {}

  /** The visible posts of a year, or of one month of it ({@code month} 1 to 12, or 0 for all). */
  record Archive(int year, int month) implements Listing {
    public Archive {
      if (year < 1 || year > 9999 || month < 0 || month > 12) {
        throw new IllegalArgumentException("no such archive: " + year + "/" + month);
      }
    }
  }
}
