package inkwell.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal, redrawn in place on standard error: {@code [#####.....]
 * 5/10 waiting 3.2 s}. Off the terminal (a pipe, a CI log) it draws nothing, so the output is the
 * plain outcome lines. Lines printed through {@link #println} clear the bar first.
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private boolean drawn;

  Progress(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Draws the bar: {@code done} of {@code total}, with a word for what is going on. */
  synchronized void show(int done, int total, String doing, double seconds) {
    if (!terminal || total == 0) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %d/%d %s %.1f s\033[K",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            done,
            total,
            doing,
            seconds));
    err.flush();
    drawn = true;
  }

  /** Prints a line of output, clearing the bar first. */
  synchronized void println(String line) {
    clear();
    out.println(line);
    out.flush();
  }

  /** Removes the bar. */
  synchronized void clear() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }
}
