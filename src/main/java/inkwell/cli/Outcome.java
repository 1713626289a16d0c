package inkwell.cli;

import java.util.Locale;

/**
 * One line of {@code ./inkwell} output: what became of one file.
 *
 * @param detail what follows the key ({@code " -> https://..."}, {@code ":12:3: message"})
 */
record Outcome(Kind kind, String key, String detail) {

  /** What happened; the label is the kind's name in lower case. */
  enum Kind {
    PUBLISHED(false),
    DRAFT(false),
    SCHEDULED(false),
    EXPIRED(false),
    LIVE(false),
    REJECTED(true),
    REMOVED(false),
    UPLOADED(false),
    DELETED(false),
    SKIPPED(false),
    PENDING(true),
    RERENDERED(false),
    CURRENT(false),
    SUPERSEDED(false);

    private final boolean failure;

    Kind(boolean failure) {
      this.failure = failure;
    }

    boolean failure() {
      return failure;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code published posts/x.md -> https://.../x/}: the label padded to a fixed width. */
  String line() {
    return String.format(Locale.ROOT, "%-10s %s%s", kind.label(), key, detail);
  }
}
