package inkwell.cli;

import java.time.Clock;
import java.util.Arrays;

/** The {@code ./inkwell} command's entry point; see {@link Cli} and docs/PUBLISHING.md. */
public final class Inkwell {

  private Inkwell() {}

  public static void main(String[] args) {
    int status =
        new Cli(
                System.getenv(),
                System.out,
                System.err,
                System.console() != null,
                UploadHook.NONE,
                Clock.systemUTC())
            .run(Arrays.asList(args));
    System.exit(status);
  }
}
