package inkwell.storage;

/**
 * A tag and how many visible posts carry it. Posts may spell one tag differently ("AWS", "aws"):
 * its name is then the smallest spelling ({@link #smallerName}), whatever the order of publishing.
 */
public record TagCount(String name, String slug, int posts) {

  /** The one of two spellings of a tag's name the tag index shows. */
  public static String smallerName(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
