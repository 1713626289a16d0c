package inkwell.storage;

import java.util.Comparator;

/**
 * Who owns a slug that several sources want: the source whose key sorts first, comparing Unicode
 * code points (the order of the keys' UTF-8 bytes, which is also DynamoDB's order for strings). So
 * {@code posts/Hello World.md} owns {@code hello-world} before {@code posts/hello-world.md}
 * (capitals sort before small letters), whatever the order of uploads or restarts. The others wait
 * and take the slug, without a new upload, when the owner is removed or moves to another slug.
 */
public final class SlugOwners {

  /** Source keys in ownership order: the first owns. */
  public static final Comparator<String> ORDER = SlugOwners::compare;

  private SlugOwners() {}

  private static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
