package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.SiteInfo;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates in the site's zone and language, reading time and counts. */
class FormatTest {

  private static SiteInfo site(String language, String zone) {
    return Samples.site("S", language, ZoneId.of(zone));
  }

  @ParameterizedTest(name = "{0} in {1} ({2}): {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-08-05T07:30:00Z | UTC              | en    | August 5, 2024",
        "2024-08-04T22:30:00Z | Europe/Berlin    | de    | 5. August 2024",
        "2024-08-04T22:30:00Z | America/New_York | en-US | August 4, 2024",
        "2024-08-05T07:30:00Z | Europe/Paris     | fr    | 5 août 2024",
        "2024-08-05T07:30:00Z | UTC              | en-GB | 5 August 2024"
      })
  void datesAreShownInTheSiteZoneAndLanguage(
      Instant instant, String zone, String language, String shown) {
    assertThat(Format.date(instant, site(language, zone))).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
    "2024-08-05T07:30:00Z, UTC, 2024-08-05T07:30:00Z",
    "2024-08-05T07:30:00.123456Z, UTC, 2024-08-05T07:30:00Z",
    "2024-08-04T22:30:00Z, Europe/Berlin, 2024-08-05T00:30:00+02:00",
    "2024-01-04T22:30:00Z, Europe/Berlin, 2024-01-04T23:30:00+01:00",
    "2024-08-05T07:30:00Z, Asia/Kolkata, 2024-08-05T13:00:00+05:30"
  })
  void isoDateTimesCarryTheSiteZonesOffsetToTheSecond(Instant instant, String zone, String iso) {
    assertThat(Format.isoDateTime(instant, site("en", zone))).isEqualTo(iso);
  }

  @ParameterizedTest(name = "{0} and {1} in {2}: same day = {3}")
  @CsvSource({
    "2024-08-05T07:30:00Z, 2024-08-05T23:59:59Z, UTC, true",
    "2024-08-05T07:30:00Z, 2024-08-06T00:00:00Z, UTC, false",
    "2024-08-05T21:30:00Z, 2024-08-05T22:30:00Z, Europe/Berlin, false"
  })
  void sameDayIsJudgedInTheSiteZone(Instant a, Instant b, String zone, boolean same) {
    assertThat(Format.sameDay(a, b, site("en", zone))).isEqualTo(same);
  }

  @ParameterizedTest(name = "{0} minutes: {1}")
  @CsvSource({"0, 1 min read", "1, 1 min read", "5, 5 min read", "42, 42 min read"})
  void readingTimeSaysMinRead(int minutes, String text) {
    assertThat(Format.readingTime(minutes)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"0, 0 posts", "1, 1 post", "2, 2 posts"})
  void postCountsAgreeInNumber(int posts, String text) {
    assertThat(Format.postCount(posts)).isEqualTo(text);
  }
}
