package inkwell.site;

import java.util.List;
import java.util.Optional;

/**
 * What the local preview tells the author that the public site never shows: files with errors (on
 * listings and at the broken post's address), and drafts and scheduled posts, marked as such.
 */
public interface PreviewNotes {

  /** The public site: no notes. */
  PreviewNotes NONE =
      new PreviewNotes() {
        @Override
        public boolean showUnpublished() {
          return false;
        }

        @Override
        public List<String> problems() {
          return List.of();
        }

        @Override
        public Optional<String> problemFor(String slug) {
          return Optional.empty();
        }
      };

  /** Serve drafts and scheduled posts too, with a marker. */
  boolean showUnpublished();

  /** Every file error, as {@code posts/a.md:3:7: message}. */
  List<String> problems();

  /** The error of the file behind {@code slug}, if any. */
  Optional<String> problemFor(String slug);
}
