package inkwell.site.view;

import inkwell.site.SiteInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Text the templates show: dates in the site's zone and language, reading time, counts. */
final class Format {

  private static final Map<String, DateTimeFormatter> DATE_FORMATS = new ConcurrentHashMap<>();

  private Format() {}

  /** A reader's date in the site's language and zone: {@code August 5, 2024} for {@code en}. */
  static String date(Instant instant, SiteInfo site) {
    DateTimeFormatter format =
        DATE_FORMATS.computeIfAbsent(
            site.language(),
            language ->
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(Locale.forLanguageTag(language)));
    return format.format(instant.atZone(site.zone()));
  }

  /**
   * An ISO-8601 date and time with the site zone's offset, to the second ({@code
   * 2024-08-05T09:30:00+02:00}, or {@code ...Z} in UTC): valid in {@code <time datetime>} and Open
   * Graph.
   */
  static String isoDateTime(Instant instant, SiteInfo site) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.atZone(site.zone()).truncatedTo(ChronoUnit.SECONDS));
  }

  /** True when both instants fall on the same calendar day in the site's zone. */
  static boolean sameDay(Instant a, Instant b, SiteInfo site) {
    return a.atZone(site.zone()).toLocalDate().equals(b.atZone(site.zone()).toLocalDate());
  }

  /** {@code 5 min read}; never less than one minute. */
  static String readingTime(int minutes) {
    return Math.max(1, minutes) + " min read";
  }

  /** {@code 1 post}, {@code 12 posts}. */
  static String postCount(int posts) {
    return posts + (posts == 1 ? " post" : " posts");
  }

  /** "3 posts match", "1 post matches", "more than 1,000 posts match". */
  static String resultCount(inkwell.storage.SearchResults results) {
    long total = results.total();
    String count =
        (results.totalIsLowerBound() ? "At least " : "")
            + String.format(java.util.Locale.ROOT, "%,d", total);
    return count + (total == 1 ? " post matches." : " posts match.");
  }
}
