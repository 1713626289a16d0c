package inkwell.bench;

import inkwell.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table every benchmark adds its rows to, printed as Markdown (so docs/BENCHMARKS.md can
 * carry it as is), and the same figures as JSON. Each row is a figure next to its reference from
 * the same run, with the ratio between them.
 */
final class Report {

  /**
   * A measured figure next to its reference. The ratio is always {@code value / reference}; the
   * goal says which way is better.
   */
  record Row(
      String section,
      String what,
      double value,
      String unit,
      String referenceName,
      double reference,
      String goal,
      Boolean met) {

    double ratio() {
      return reference > 0 ? value / reference : Double.NaN;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final Map<String, Object> machine;

  Report(Map<String, Object> machine) {
    this.machine = machine;
  }

  void add(Row row) {
    rows.add(row);
  }

  /** A figure with a reference. */
  void add(
      String section,
      String what,
      double value,
      String unit,
      String referenceName,
      double reference) {
    add(new Row(section, what, value, unit, referenceName, reference, "", null));
  }

  /** A figure with a reference and a goal on their ratio. */
  void add(
      String section,
      String what,
      double value,
      String unit,
      String referenceName,
      double reference,
      String goal,
      boolean met) {
    add(new Row(section, what, value, unit, referenceName, reference, goal, met));
  }

  /** Free-form figures kept in the JSON only (per-variant samples, request counts, prices). */
  void detail(String key, Object value) {
    details.put(key, plain(value));
  }

  /** Records become maps of their components, doubles are rounded: plain JSON values. */
  static Object plain(Object value) {
    if (value instanceof Record record) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (var component : record.getClass().getRecordComponents()) {
        try {
          map.put(component.getName(), plain(component.getAccessor().invoke(record)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return map;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Report::plain).toList();
    }
    if (value instanceof Double d) {
      return round(d);
    }
    return value;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| Benchmark | Inkwell | Reference (same run) | Ratio | Goal |\n");
    out.append("|---|---:|---|---:|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(row.section())
          .append(": ")
          .append(row.what())
          .append(" | ")
          .append(format(row.value()))
          .append(' ')
          .append(row.unit())
          .append(" | ")
          .append(row.referenceName())
          .append(row.reference() > 0 ? " " + format(row.reference()) + " " + row.unit() : "")
          .append(" | ")
          .append(row.reference() > 0 ? String.format(Locale.ROOT, "%.2fx", row.ratio()) : "-")
          .append(" | ")
          .append(row.goal().isEmpty() ? "" : row.goal() + (row.met() ? ": met" : ": **not met**"))
          .append(" |\n");
    }
    return out.toString();
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  void writeJson(Path file) {
    List<Object> list = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("section", row.section());
      map.put("what", row.what());
      map.put("value", round(row.value()));
      map.put("unit", row.unit());
      map.put("reference", row.referenceName());
      map.put("referenceValue", row.reference() > 0 ? round(row.reference()) : null);
      map.put("ratio", row.reference() > 0 ? round(row.ratio()) : null);
      map.put("goal", row.goal().isEmpty() ? null : row.goal());
      map.put("goalMet", row.met());
      list.add(map);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("machine", machine);
    root.put("rows", list);
    root.put("details", details);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Json.write(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .doubleValue();
  }
}
