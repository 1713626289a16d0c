package inkwell.pipeline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates authors write: ISO dates and date-times with or without zone ({@code 2024-08-05},
 * {@code 2024-08-05T09:30}, {@code 2024-08-05 09:30:00 +0200}, {@code 2024-08-05T09:30:00Z}) and
 * English prose dates ({@code August 5, 2024}, {@code Aug 5, 2024}, {@code 5 August 2024}). A date
 * or date-time without a zone is read in the site's time zone.
 */
final class Dates {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final String MONTH =
      "(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august"
          + "|sep|sept|september|oct|october|nov|november|dec|december)\\.?";
  private static final String WEEKDAY =
      "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private Dates() {}

  /** A front-matter date or date-time, or an English prose date; empty if it is neither. */
  static Optional<Instant> parse(String text, ZoneId zone) {
    String trimmed = text.strip();
    Matcher iso = ISO.matcher(trimmed);
    if (iso.matches()) {
      return iso(iso, zone);
    }
    return parseProse(trimmed).map(date -> date.atStartOfDay(zone).toInstant());
  }

  /**
   * The calendar day a date is written on, before any zone or offset is applied ({@code
   * 2024-08-05T23:30:00-05:00} is 5 August): what Hugo's and Jekyll's {@code :day} show.
   */
  static Optional<LocalDate> writtenDay(String text) {
    String trimmed = text.strip();
    Matcher iso = ISO.matcher(trimmed);
    if (iso.matches()) {
      return date(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
    }
    return parseProse(trimmed);
  }

  /** A date written alone on a line of prose ({@code August 5, 2024}, {@code 2024-08-05}). */
  static Optional<LocalDate> parseProse(String text) {
    String trimmed = text.strip();
    Matcher m = MONTH_FIRST.matcher(trimmed);
    if (m.matches()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = DAY_FIRST.matcher(trimmed);
    if (m.matches()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = ISO.matcher(trimmed);
    if (m.matches() && m.group(4) == null) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    return Optional.empty();
  }

  private static Optional<Instant> iso(Matcher m, ZoneId zone) {
    Optional<LocalDate> date = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    if (date.isEmpty()) {
      return Optional.empty();
    }
    if (m.group(4) == null) {
      return Optional.of(date.get().atStartOfDay(zone).toInstant());
    }
    try {
      int nanos =
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      LocalTime time =
          LocalTime.of(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
      LocalDateTime local = LocalDateTime.of(date.get(), time);
      String offset = m.group(8);
      if (offset == null) {
        return Optional.of(local.atZone(zone).toInstant());
      }
      return Optional.of(local.toInstant(offset(offset)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    if (text.length() == 5 && text.indexOf(':') < 0) { // +0200
      return ZoneOffset.of(text.substring(0, 3) + ":" + text.substring(3));
    }
    return ZoneOffset.of(text);
  }

  private static int month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
  }

  private static Optional<LocalDate> date(String year, int month, String day) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
