package inkwell.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The preview's command line: {@code preview [FOLDER] [--port N] [--host H] [--media DIR]
 * [--drafts] [--aws]}.
 *
 * @param folder the Markdown folder (folder mode); ignored with {@code --aws}
 * @param media the images folder, or {@code null} for the folder {@code media} next to it
 * @param port 0 for any free port
 * @param aws serve what the publish function wrote to S3 and DynamoDB instead of a folder
 * @param liveReload pages reload themselves when a file is saved (folder mode)
 */
public record PreviewOptions(
    Path folder,
    Path media,
    int port,
    String host,
    boolean drafts,
    boolean aws,
    boolean liveReload) {

  /** With live reload. */
  public PreviewOptions(
      Path folder, Path media, int port, String host, boolean drafts, boolean aws) {
    this(folder, media, port, host, drafts, aws, true);
  }

  static final String USAGE =
      """
      Usage: ./preview [FOLDER] [--port N] [--host ADDRESS] [--media DIR] [--drafts] [--no-reload]
                       [--aws] [--help]

        FOLDER        a folder of Markdown posts (default: the sample posts in examples/posts),
                      or a Hugo or Jekyll site root (see docs/MIGRATING.md)
        --port N      the port to listen on (default 8080; 0 for any free port)
        --host ADDR   the address to listen on (default 127.0.0.1)
        --media DIR   images served at /media/ (default: the folder "media" next to FOLDER)
        --drafts      also show drafts and scheduled posts, marked as such
        --no-reload   pages do not reload themselves when a file is saved (by default they
                      do, keeping their scroll position, and show a broken file's error)
        --aws         serve the posts the publish function wrote to S3 and DynamoDB
                      (set INKWELL_BUCKET, INKWELL_TABLE and your AWS settings; for LocalStack
                      also AWS_ENDPOINT_URL=http://localhost:4566)
        --help        print this help
      """;

  /** A command-line mistake: the message says what is wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  static PreviewOptions parse(List<String> args, Path defaultFolder) throws UsageException {
    Path folder = null;
    Path media = null;
    int port = 8080;
    String host = "127.0.0.1";
    boolean drafts = false;
    boolean aws = false;
    boolean liveReload = true;
    List<String> rest = new ArrayList<>(args);
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "--drafts" -> drafts = true;
        case "--aws" -> aws = true;
        case "--no-reload" -> liveReload = false;
        case "--port" -> port = port(value(rest, ++i, arg));
        case "--host" -> host = value(rest, ++i, arg);
        case "--media" -> media = Path.of(value(rest, ++i, arg));
        case "-h", "--help" -> throw new UsageException("");
        default -> {
          if (arg.startsWith("--port=")) {
            port = port(arg.substring(7));
          } else if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          } else if (folder != null) {
            throw new UsageException("give one folder, not " + folder + " and " + arg);
          } else {
            folder = Path.of(arg);
          }
        }
      }
    }
    return new PreviewOptions(
        folder != null ? folder : defaultFolder, media, port, host, drafts, aws, liveReload);
  }

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int port(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--port takes a number from 0 to 65535, not " + text);
    }
  }
}
