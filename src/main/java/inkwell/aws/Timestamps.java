package inkwell.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as fixed-width UTC strings ({@code 2024-08-05T07:30:00.000Z}), so that they sort as
 * strings exactly as they sort as times, in DynamoDB sort keys and conditions alike.
 */
final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }
}
