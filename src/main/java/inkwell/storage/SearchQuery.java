package inkwell.storage;

/**
 * What a reader searched for.
 *
 * @param text the words as typed, stripped, at most {@link #MAX_LENGTH} characters (longer text is
 *     cut); empty for the empty form
 * @param page the page of results, from 1
 */
public record SearchQuery(String text, int page) {

  /** Longest query searched; the rest is ignored. */
  public static final int MAX_LENGTH = 200;

  /** Results per page. */
  public static final int PAGE_SIZE = 10;

  /** Pages a reader can reach (the first {@code MAX_PAGE * PAGE_SIZE} hits). */
  public static final int MAX_PAGE = 50;

  public SearchQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_LENGTH) {
      int end = MAX_LENGTH;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end).strip();
    }
    page = Math.max(1, Math.min(page, MAX_PAGE));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
