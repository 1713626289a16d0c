package inkwell.support;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard output: what happened to which post. Lambda sends each line
 * to CloudWatch Logs as one event, and Logs Insights finds the fields without a parse step. Needs
 * no logging backend, so the Lambda artifact carries none for these lines. Thread-safe.
 */
public final class StructuredLog {

  private static volatile boolean standardOutput = true;

  private final String logger;
  private final PrintStream out;

  /** A log that writes to standard output (unless {@link #silence()} was called). */
  public StructuredLog(String logger) {
    this(logger, null);
  }

  StructuredLog(String logger, PrintStream out) {
    this.logger = logger;
    this.out = out;
  }

  public void info(Object... keysAndValues) {
    write("INFO", keysAndValues);
  }

  public void warn(Object... keysAndValues) {
    write("WARN", keysAndValues);
  }

  public void error(Object... keysAndValues) {
    write("ERROR", keysAndValues);
  }

  /** Stops the logs on standard output, for the local preview, which prints its own lines. */
  public static void silence() {
    standardOutput = false;
  }

  private void write(String level, Object... keysAndValues) {
    PrintStream target = out != null ? out : (standardOutput ? System.out : null);
    if (target == null) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.now());
    line.put("level", level);
    line.put("logger", logger);
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      line.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    String json = Json.write(line);
    synchronized (target) {
      target.println(json);
    }
  }
}
