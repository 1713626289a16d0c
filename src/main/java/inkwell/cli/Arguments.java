package inkwell.cli;

import java.time.Duration;
import java.util.List;

/**
 * The parsed command line: {@code COMMAND [FOLDER] [--delete] [--all] [--timeout S] [--stack
 * NAME]}.
 *
 * @param all publish: upload every post and page again, changed or not (after a change of the
 *     stack's settings, such as its permalink rules, so that each is rendered by them)
 * @param folder the folder to publish, or {@code null} for other commands
 * @param stack the stack to read the bucket, table and site URL from, or {@code null} for the
 *     environment
 */
record Arguments(
    String command,
    String folder,
    boolean delete,
    boolean all,
    Duration timeout,
    String stack,
    boolean help) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  static final String USAGE =
      """
      Usage: ./inkwell COMMAND [OPTIONS]

      Commands:
        publish FOLDER   Upload new and changed posts in FOLDER (and the pages and media
                         folders beside it; or a Hugo or Jekyll site root's posts, pages and
                         static files), wait for each one's outcome and print it.
        check FOLDER     Read a Hugo or Jekyll site root (or a folder of posts) on this
                         machine and print a migration report: files found, published,
                         rejected, and each kind of warning with where; no AWS needed.
        status           List every source file with its state: live, draft, scheduled,
                         expired, rejected (why and where), removed.
        reindex          Render every post again with the engine of this checkout, newer
                         render versions only; safe to interrupt and run again.
        redrive          Send the events in the publish dead-letter queue back to the publish
                         queue (after an outage); the publish function applies them in order.

      Options:
        --delete         publish: also delete posts and media that are no longer in the folder.
        --all            publish: upload every post and page again, changed or not, so that
                         each is rendered with the stack's current settings (after a change
                         of its Permalinks parameter).
        --timeout S      publish: seconds to wait with no new outcome (default 60).
        --stack NAME     Read the bucket, table and site URL from the CloudFormation stack's
                         outputs. Without it: INKWELL_BUCKET, INKWELL_TABLE,
                         INKWELL_SITE_BASE_URL and, for redrive, INKWELL_PUBLISH_QUEUE_URL and
                         INKWELL_PUBLISH_DEAD_LETTER_QUEUE_URL.
        --help           Print this help.

      AWS credentials, region and endpoints come from the usual AWS settings (AWS_PROFILE,
      AWS_REGION, AWS_ENDPOINT_URL, ...). Exit status: 0 done, 1 something was rejected or did
      not finish in time, 2 wrong command line, 3 bad local input, 4 the blog cannot be reached,
      5 an unexpected failure (INKWELL_DEBUG=1 shows the stack trace). See docs/PUBLISHING.md.
      """;

  static Arguments parse(List<String> args) {
    String command = null;
    String folder = null;
    boolean delete = false;
    boolean all = false;
    Duration timeout = DEFAULT_TIMEOUT;
    String stack = null;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h", "help" -> help = true;
        case "--delete" -> delete = true;
        case "--all" -> all = true;
        case "--timeout" -> timeout = seconds(value(args, ++i, arg));
        case "--stack" -> stack = value(args, ++i, arg);
        default -> {
          if (arg.startsWith("--timeout=")) {
            timeout = seconds(arg.substring("--timeout=".length()));
          } else if (arg.startsWith("--stack=")) {
            stack = arg.substring("--stack=".length());
          } else if (arg.startsWith("-")) {
            throw usage("unknown option " + arg);
          } else if (command == null) {
            command = arg;
          } else if ((command.equals("publish") || command.equals("check")) && folder == null) {
            folder = arg;
          } else {
            throw usage("unexpected argument \"" + arg + "\"");
          }
        }
      }
    }
    if (help) {
      return new Arguments(command, folder, delete, all, timeout, stack, true);
    }
    if (command == null) {
      throw usage("no command given");
    }
    if (!List.of("publish", "check", "status", "reindex", "redrive").contains(command)) {
      throw usage("unknown command \"" + command + "\"");
    }
    if ((command.equals("publish") || command.equals("check")) && folder == null) {
      throw usage(command + " needs a FOLDER");
    }
    if (!command.equals("publish") && (delete || all || timeout != DEFAULT_TIMEOUT)) {
      throw usage("--delete, --all and --timeout go with publish");
    }
    return new Arguments(command, folder, delete, all, timeout, stack, false);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw usage(option + " needs a value");
    }
    return args.get(index);
  }

  private static Duration seconds(String text) {
    try {
      double seconds = Double.parseDouble(text);
      if (seconds <= 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        throw usage("--timeout must be a positive number of seconds, got " + text);
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      throw usage("--timeout must be a number of seconds, got \"" + text + "\"");
    }
  }

  private static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message + " (./inkwell --help lists the options)");
  }
}
