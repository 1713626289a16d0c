package inkwell.post;

import java.util.Objects;

/**
 * Where a post or page sits in the header's menu, after Home, Tags, Archive and Feed: set by the
 * front-matter field {@code menu} (its position) and labelled by {@code menuTitle}, or else by its
 * title. Entries are ordered by position, then by slug.
 *
 * @param position from {@link #FIRST} to {@link #LAST}; Hugo's {@code menu: main} without a weight
 *     is {@link #LAST}
 * @param label plain text, to be escaped where it is written
 */
public record MenuPlace(int position, String label) {

  public static final int FIRST = 0;
  public static final int LAST = 9999;

  public MenuPlace {
    if (position < FIRST || position > LAST) {
      throw new IllegalArgumentException("menu position out of range: " + position);
    }
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("blank menu label");
    }
  }
}
