package inkwell.infra;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a piece of a template refers to, as CloudFormation and SAM resolve them: {@code Ref X},
 * {@code Fn::GetAtt [X, attr]}, and every {@code ${X}} or {@code ${X.attr}} in {@code Fn::Sub}
 * (minus the Sub's own variables and {@code ${!literal}} escapes). Pseudo parameters ({@code
 * AWS::Region}) are left out. SAM's referable properties stay whole: {@code !Ref F.Alias} and
 * {@code ${F.Alias}} name {@code F.Alias}, the alias SAM generates for function {@code F}.
 */
final class References {

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
  private static final Set<String> SAM_PROPERTIES = Set.of("Alias", "Version");

  private References() {}

  /** Every name {@code value} refers to, in order of appearance. */
  static Set<String> in(Object value) {
    Set<String> names = new LinkedHashSet<>();
    collect(value, names);
    return names;
  }

  private static void collect(Object value, Set<String> names) {
    if (value instanceof List<?> list) {
      list.forEach(item -> collect(item, names));
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return;
    }
    if (map.size() == 1 && map.containsKey("Ref")) {
      add(String.valueOf(map.get("Ref")), names);
      return;
    }
    if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
      Object target = map.get("Fn::GetAtt");
      String name =
          target instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(target);
      add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name, names);
      return;
    }
    if (map.size() == 1 && map.containsKey("Fn::Sub")) {
      Object sub = map.get("Fn::Sub");
      if (sub instanceof List<?> parts) {
        Map<?, ?> variables = parts.size() > 1 ? (Map<?, ?>) parts.get(1) : Map.of();
        subVariables(String.valueOf(parts.get(0)), variables.keySet(), names);
        collect(variables, names);
      } else {
        subVariables(String.valueOf(sub), Set.of(), names);
      }
      return;
    }
    map.values().forEach(item -> collect(item, names));
  }

  private static void subVariables(String text, Set<?> local, Set<String> names) {
    Matcher matcher = SUB_VARIABLE.matcher(text);
    while (matcher.find()) {
      String variable = matcher.group(1).strip();
      if (local.contains(variable)) {
        continue;
      }
      int dot = variable.indexOf('.');
      if (dot < 0 || SAM_PROPERTIES.contains(variable.substring(dot + 1))) {
        add(variable, names);
      } else {
        add(variable.substring(0, dot), names);
      }
    }
  }

  private static void add(String name, Set<String> names) {
    if (!name.startsWith("AWS::")) {
      names.add(name);
    }
  }
}
