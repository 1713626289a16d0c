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

  private static volatile boolean enabled = true;

  private final String logger;
  private final PrintStream out;

  public StructuredLog(String logger) {
    this(logger, System.out);
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

  /** Turns every structured log off, for the local preview, which prints its own lines. */
  public static void silence() {
    enabled = false;
  }

  private void write(String level, Object... keysAndValues) {
    if (!enabled) {
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
    synchronized (out) {
      out.println(json);
    }
  }
}
