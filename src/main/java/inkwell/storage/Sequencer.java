package inkwell.storage;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * S3's per-key event order. For the same key, the event with the greater sequencer happened later.
 * Sequencers are hex strings of varying length: the shorter is right-padded with zeros before a
 * string comparison. {@link #normalized()} pads every value to {@value #WIDTH} characters so that
 * stored values compare correctly as plain strings, in Java and in DynamoDB conditions alike.
 */
public record Sequencer(String normalized) implements Comparable<Sequencer> {

  static final int WIDTH = 40;
  private static final Pattern HEX = Pattern.compile("[0-9A-F]{1," + WIDTH + "}");

  public Sequencer {
    Objects.requireNonNull(normalized, "normalized");
    if (normalized.length() != WIDTH || !HEX.matcher(normalized).matches()) {
      throw new IllegalArgumentException("not a normalized sequencer: " + normalized);
    }
  }

  /** Parses a sequencer as S3 sends it ({@code 0055AED6DCD90281E5}). */
  public static Sequencer of(String raw) {
    String upper = raw.strip().toUpperCase(Locale.ROOT);
    if (!HEX.matcher(upper).matches()) {
      throw new IllegalArgumentException(
          "an S3 sequencer is 1 to " + WIDTH + " hex digits, got \"" + raw + "\"");
    }
    return new Sequencer(upper + "0".repeat(WIDTH - upper.length()));
  }

  public boolean isAfter(Sequencer other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Sequencer other) {
    return normalized.compareTo(other.normalized);
  }

  @Override
  public String toString() {
    return normalized;
  }
}
