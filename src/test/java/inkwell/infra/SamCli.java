package inkwell.infra;

import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the SAM CLI (1.164) reads a template for {@code sam local}, as far as Inkwell's template
 * depends on it. Read from the SAM CLI's code:
 *
 * <ul>
 *   <li>{@code start-api} picks one API provider ({@code samcli/lib/providers/api_provider.py},
 *       {@code find_api_provider}): the first resource, in template order, whose type is a SAM
 *       function or API decides for the SAM provider, which reads only the {@code Api} and {@code
 *       HttpApi} events of SAM functions; one of the {@code AWS::ApiGateway*}/{@code
 *       AWS::ApiGatewayV2*} types decides for the CloudFormation provider, which reads only those.
 *   <li>Environment variables ({@code samcli/lib/providers/sam_base_provider.py} and {@code
 *       samcli/local/lambdafn/env_vars.py}): parameters take their default or the {@code
 *       --parameter-overrides} value; the pseudo parameters are fixed (account 123456789012,
 *       us-east-1, stack "local"); {@code Ref} to a resource gives its logical id; any intrinsic it
 *       cannot resolve ({@code Fn::GetAtt}, {@code Fn::If} with {@code AWS::NoValue}, ...) leaves a
 *       map, which becomes "".
 * </ul>
 *
 * Conservative where it is unsure: it resolves only {@code Ref}, {@code Fn::Sub} (with a map of
 * variables too), {@code Fn::Select} and {@code Fn::Split} (the SAM CLI's IntrinsicResolver has all
 * four, and {@code AWS::StackId} is {@code
 * arn:aws:cloudformation:us-east-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123}
 * in its {@code IntrinsicsSymbolTable}), so a variable built any other way counts as "" here even
 * if the SAM CLI could resolve it.
 */
final class SamCli {

  static final Map<String, String> PSEUDO_PARAMETERS =
      Map.of(
          "AWS::AccountId", "123456789012",
          "AWS::Region", "us-east-1",
          "AWS::StackName", "local",
          "AWS::StackId",
              "arn:aws:cloudformation:us-east-1:123456789012:stack/local/"
                  + ContentBucket.LOCAL_STACK_UUID,
          "AWS::Partition", "aws",
          "AWS::URLSuffix", "amazonaws.com");

  private static final List<String> SAM_API_TYPES =
      List.of("AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi");

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

  enum ApiProvider {
    SAM,
    CLOUDFORMATION
  }

  /** A route {@code start-api} mounts: {@code ANY /{proxy+}} to a function. */
  record Route(String method, String path, String function) {}

  private SamCli() {}

  static ApiProvider apiProvider(SamTemplate template) {
    for (Object resource : template.resources().values()) {
      String type = String.valueOf(((Map<?, ?>) resource).get("Type"));
      if (SAM_API_TYPES.contains(type)) {
        return ApiProvider.SAM;
      }
      if (type.startsWith("AWS::ApiGateway::") || type.startsWith("AWS::ApiGatewayV2::")) {
        return ApiProvider.CLOUDFORMATION;
      }
    }
    return ApiProvider.SAM;
  }

  /**
   * The routes {@code start-api} mounts from SAM functions' events. Empty when it picks the
   * CloudFormation provider: what that provider reads is not modelled, and Inkwell's template must
   * not depend on it.
   */
  static List<Route> startApiRoutes(SamTemplate template) {
    List<Route> routes = new ArrayList<>();
    if (apiProvider(template) != ApiProvider.SAM) {
      return routes;
    }
    for (String function : Functions.names(template)) {
      Object events = Functions.property(template, function, "Events");
      if (!(events instanceof Map<?, ?> map)) {
        continue;
      }
      for (Object value : map.values()) {
        Map<?, ?> event = (Map<?, ?>) value;
        String type = String.valueOf(event.get("Type"));
        if (type.equals("HttpApi") || type.equals("Api")) {
          Map<?, ?> props = (Map<?, ?>) event.get("Properties");
          if (props == null || props.get("Path") == null) {
            routes.add(new Route("ANY", "$default", function)); // HttpApi's catch-all route
          } else {
            routes.add(
                new Route(
                    String.valueOf(props.get("Method")).toUpperCase(java.util.Locale.ROOT),
                    String.valueOf(props.get("Path")),
                    function));
          }
        }
      }
    }
    return routes;
  }

  /**
   * Each variable of {@code function} as {@code sam local} gives it, with no {@code --env-vars}.
   */
  static Map<String, String> environment(
      SamTemplate template, String function, Map<String, String> parameterOverrides) {
    Map<String, String> parameters = parameters(template, parameterOverrides);
    Map<String, String> resolved = new LinkedHashMap<>();
    Functions.environment(template, function)
        .forEach(
            (name, value) -> {
              String v = resolve(value, parameters, template.resources().keySet());
              resolved.put(name, v == null ? "" : v);
            });
    return resolved;
  }

  private static Map<String, String> parameters(
      SamTemplate template, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(PSEUDO_PARAMETERS);
    Object declared = template.root().get("Parameters");
    if (declared instanceof Map<?, ?> map) {
      map.forEach(
          (name, parameter) -> {
            Object fallback = ((Map<?, ?>) parameter).get("Default");
            if (fallback != null) {
              values.put(String.valueOf(name), String.valueOf(fallback));
            }
          });
    }
    values.putAll(overrides);
    return values;
  }

  /** The value, or null where the SAM CLI would be left with an unresolved intrinsic. */
  private static String resolve(
      Object value, Map<String, String> parameters, java.util.Set<String> resources) {
    if (value instanceof String s) {
      return s;
    }
    if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
      return null;
    }
    if (map.get("Ref") instanceof String name) {
      return reference(name, parameters, resources);
    }
    if (map.get("Fn::Sub") instanceof String text) {
      return substitute(text, parameters, resources);
    }
    if (map.get("Fn::Sub") instanceof List<?> sub
        && sub.size() == 2
        && sub.get(1) instanceof Map<?, ?> variables) {
      Map<String, String> local = new LinkedHashMap<>(parameters);
      for (Map.Entry<?, ?> variable : variables.entrySet()) {
        String v = resolve(variable.getValue(), parameters, resources);
        if (v == null) {
          return null;
        }
        local.put(String.valueOf(variable.getKey()), v);
      }
      return substitute(String.valueOf(sub.get(0)), local, resources);
    }
    if (map.get("Fn::Select") instanceof List<?> select && select.size() == 2) {
      List<String> list = split(select.get(1), parameters, resources);
      int index = Integer.parseInt(String.valueOf(select.get(0)));
      return list == null || index >= list.size() ? null : list.get(index);
    }
    return null;
  }

  private static List<String> split(
      Object value, Map<String, String> parameters, java.util.Set<String> resources) {
    if (value instanceof Map<?, ?> map && map.get("Fn::Split") instanceof List<?> split) {
      String text = resolve(split.get(1), parameters, resources);
      return text == null
          ? null
          : List.of(text.split(Pattern.quote(String.valueOf(split.get(0))), -1));
    }
    return null;
  }

  private static String substitute(
      String text, Map<String, String> parameters, java.util.Set<String> resources) {
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = reference(m.group(1), parameters, resources);
      if (replacement == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String reference(
      String name, Map<String, String> parameters, java.util.Set<String> resources) {
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    return resources.contains(name) ? name : null; // a resource's Ref is its logical id
  }
}
