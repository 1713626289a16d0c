package inkwell.site.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Checks that a date string has exactly the format a spec asks for, and reads it back. */
final class FeedDateFormats {

  private static final String RFC_822 =
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
  private static final String RFC_3339 =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

  private FeedDateFormats() {}

  static Instant rfc822(String text) {
    assertThat(text).matches(RFC_822);
    return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  /** RFC 3339, which is also a W3C datetime with seconds. */
  static Instant rfc3339(String text) {
    assertThat(text).matches(RFC_3339);
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
