package inkwell.site.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The date formats the feeds and sitemaps use, all in UTC and to the second. */
final class FeedDates {

  // RFC 822 as updated by RFC 1123: four-digit year, two-digit day, English names.
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private FeedDates() {}

  /** RSS 2.0 dates: {@code Mon, 05 Aug 2024 07:30:00 GMT}. */
  static String rfc822(Instant instant) {
    return RFC_822.format(instant);
  }

  /**
   * Atom and JSON Feed dates (RFC 3339), also valid W3C datetimes for sitemaps: {@code
   * 2024-08-05T07:30:00Z}.
   */
  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
