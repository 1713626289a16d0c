package inkwell.storage;

import java.util.Optional;

/**
 * Where the search index is kept between invocations: immutable snapshots, and a small pointer
 * naming the current one. Readers switch to a new snapshot only through the pointer, so they never
 * see a partly written index. One writer at a time (the index function, fed by a FIFO queue with a
 * single message group). Storage failures propagate.
 */
public interface SnapshotStore {

  /**
   * The current snapshot, and what the search pages need besides the index.
   *
   * @param id the snapshot's name, unique per write
   * @param previous the snapshot it replaced, or {@code null}
   * @param menu the header's menu as the table held it when the snapshot was written, with its
   *     entries' times; {@link Menu#EMPTY} in a pointer written before the menu was recorded
   */
  record Pointer(String id, String previous, int posts, Menu menu) {

    public Pointer {
      menu = menu == null ? Menu.EMPTY : menu;
    }

    /** A pointer without a menu. */
    public Pointer(String id, String previous, int posts) {
      this(id, previous, posts, Menu.EMPTY);
    }
  }

  /** The pointer, or empty before the first snapshot. */
  Optional<Pointer> current();

  /** The bytes of snapshot {@code id}. */
  byte[] read(String id);

  /** Stores snapshot {@code id}; it becomes visible to readers only through {@link #point}. */
  void write(String id, byte[] snapshot);

  /** Makes {@code pointer} the current one. */
  void point(Pointer pointer);

  /** Deletes snapshot {@code id}, if it exists. */
  void delete(String id);
}
