package inkwell.storage;

import java.util.Comparator;
import java.util.Objects;

/**
 * An entry of the header's menu, as the posts index holds it: the post or page it links to, its
 * label (plain text) and its position.
 */
public record MenuLink(String slug, String label, int position) {

  /** The menu's order: by position, then slug. */
  public static final Comparator<MenuLink> ORDER =
      Comparator.comparingInt(MenuLink::position).thenComparing(MenuLink::slug);

  public MenuLink {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(label, "label");
  }
}
