package inkwell.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON objects, and reads flat ones (and arrays of flat ones) or whole trees, with
 * jackson-core's streaming generator: no reflection, nothing to warm up. Values may be strings,
 * numbers, booleans, {@code null}, lists, maps, or anything else (written with {@code toString()},
 * which suits {@code Instant}). Thread-safe.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A JSON object from alternating keys and values: {@code object("a", 1, "b", "x")}. */
  public static String object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return write(map);
  }

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      generator.writeNumber(n.toString());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        writeValue(generator, item);
      }
      generator.writeEndArray();
    } else {
      generator.writeString(value.toString());
    }
  }

  /**
   * The top-level fields of a JSON object whose values are strings, numbers or booleans, as text;
   * nested values are skipped. Throws {@link IllegalArgumentException} if {@code json} is not an
   * object.
   */
  public static Map<String, String> flatObject(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return flatFields(parser);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The objects in the array at the top-level field {@code name} of a JSON object, each read as
   * {@link #flatObject} reads one; empty if the object has no such field or it is {@code null}.
   * Throws {@link IllegalArgumentException} if {@code json} is not an object or the field is not an
   * array of objects.
   */
  public static List<Map<String, String>> flatObjects(String json, String name) {
    List<Map<String, String>> objects = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = parser.currentName().equals(name);
        JsonToken value = parser.nextToken();
        if (!wanted || value == JsonToken.VALUE_NULL) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw new IllegalArgumentException(name + " is not an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          objects.add(flatFields(parser));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
          throw new IllegalArgumentException(name + " holds something other than objects");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return objects;
  }

  /**
   * The whole of {@code json}: objects as maps (in the order of their fields), arrays as lists,
   * scalars as their text ({@code "5"} for 5, {@code "true"} for true), {@code null} as null.
   * Throws {@link IllegalArgumentException} if {@code json} is not one JSON value.
   */
  public static Object tree(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        throw new IllegalArgumentException("not JSON: empty");
      }
      Object value = treeValue(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("not JSON: more than one value");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static Object treeValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        map.put(field, treeValue(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(treeValue(parser));
      }
      return list;
    }
    return token == JsonToken.VALUE_NULL ? null : parser.getText();
  }

  /** The fields of the object the parser has just entered, up to its end, as flatObject reads. */
  private static Map<String, String> flatFields(JsonParser parser) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        fields.put(field, parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return fields;
  }
}
