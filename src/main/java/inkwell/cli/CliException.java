package inkwell.cli;

/**
 * A failure the user can fix, with the one-line message {@code ./inkwell} prints for it and its
 * exit status. Never printed with a stack trace.
 */
final class CliException extends RuntimeException {

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
