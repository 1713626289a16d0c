package inkwell.storage;

import inkwell.post.Post;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The header's menu with the times that decide when each entry shows: every live post or page with
 * a {@code menu} position, visible now or not (scheduled, expired). Whoever keeps it can apply
 * "visible now" later, when a page is served, as {@link PostReader#menu} does at once. Immutable.
 *
 * <pre>{@code
 * List<MenuLink> header = posts.menuEntries().visibleAt(clock.instant());
 * }</pre>
 */
public record Menu(List<Entry> entries) {

  /** No entries: a blog without menu pages, or a menu that was not recorded. */
  public static final Menu EMPTY = new Menu(List.of());

  /**
   * One entry and its post's visibility.
   *
   * @param visibleFrom when the post is published; the entry shows from then on
   * @param expiresAt when it expires, or {@code null} if it does not
   */
  public record Entry(MenuLink link, Instant visibleFrom, Instant expiresAt) {

    public Entry {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(visibleFrom, "visibleFrom");
    }

    /** True if the entry shows at {@code now}: published, and not expired. */
    public boolean isVisibleAt(Instant now) {
      return Post.isWithin(visibleFrom, expiresAt, now);
    }
  }

  public Menu {
    entries = List.copyOf(entries);
  }

  /** The links visible at {@code now}, in {@link MenuLink#ORDER}. */
  public List<MenuLink> visibleAt(Instant now) {
    return entries.stream()
        .filter(entry -> entry.isVisibleAt(now))
        .map(Entry::link)
        .sorted(MenuLink.ORDER)
        .toList();
  }
}
