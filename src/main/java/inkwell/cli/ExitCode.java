package inkwell.cli;

/** The exit statuses of {@code ./inkwell}, as docs/PUBLISHING.md lists them. */
public final class ExitCode {

  /** Everything went as asked: every changed file published or removed. */
  public static final int OK = 0;

  /** Something was rejected, or did not finish within the timeout. */
  public static final int NOT_PUBLISHED = 1;

  /** The command line is wrong: unknown command or option, a missing value. */
  public static final int USAGE = 2;

  /** The local input is wrong: no such folder, a file that is not UTF-8. */
  public static final int BAD_INPUT = 3;

  /**
   * The blog cannot be reached: no credentials, no such stack, no bucket or table configured or
   * found, an endpoint that does not answer.
   */
  public static final int NO_ACCESS = 4;

  /**
   * Something failed that the user cannot fix by changing the input: a bug. The one-line message
   * names it; with {@code INKWELL_DEBUG} set, the stack trace follows.
   */
  public static final int FAILED = 5;

  private ExitCode() {}
}
