package inkwell.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the source records in bulk, for tools that report on every source ({@code ./inkwell
 * status}) or wait for many at once ({@code ./inkwell publish}). Never used to serve a page.
 */
public interface SourceCatalog {

  /** Every source record, in no particular order. Reads the whole set of records. */
  List<SourceRecord> all();

  /** The records of those {@code keys} that have one, by key, read consistently. */
  Map<String, SourceRecord> find(Collection<String> keys);
}
