package inkwell.preview;

import inkwell.storage.InvalidCursorException;
import inkwell.storage.Listing;
import inkwell.storage.PostSummary;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The in-memory index's listing cursors, shaped like the DynamoDB table's: a listing's partition
 * and the position of the last item shown, Base64url-encoded. A cursor from another listing, or not
 * from this site at all, is an {@link InvalidCursorException}. Stateless.
 */
final class ListingCursor {

  private ListingCursor() {}

  static String partition(Listing listing) {
    if (listing instanceof Listing.Tagged tagged) {
      return "TAG#" + tagged.tagSlug();
    }
    return listing instanceof Listing.Pages ? "PAGES" : "LIST";
  }

  /** Where {@code summary} sorts in a listing: its visibility time, then its slug. */
  static String position(PostSummary summary) {
    return String.format(
        "%020d#%s", summary.visibleFrom().toEpochMilli() + 100_000_000_000_000L, summary.slug());
  }

  static String encode(String partition, String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((partition + "\n" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor of {@code partition} holds. */
  static String decode(String cursor, String partition) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not a token this site issued");
    }
    int newline = raw.indexOf('\n');
    if (newline < 0 || !raw.substring(0, newline).equals(partition)) {
      throw new InvalidCursorException("cursor does not belong to this listing");
    }
    return raw.substring(newline + 1);
  }
}
