package inkwell.aws;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between Java values and DynamoDB attribute values. */
final class Attributes {

  private Attributes() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue time(Instant instant) {
    return s(Timestamps.format(instant));
  }

  static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(Attributes::s).toList());
  }

  /** Puts {@code value} under {@code name} unless it is null or empty (DynamoDB keeps neither). */
  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, time(value));
    }
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static String stringOrEmpty(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    return value == null ? "" : value;
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    return value == null ? null : Timestamps.parse(value);
  }

  static int integer(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
  }

  static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream().map(AttributeValue::s).toList();
  }

  /** Any front-matter value (string, number, boolean, null, list, map) as an attribute value. */
  static AttributeValue plain(Object value) {
    if (value == null) {
      return AttributeValue.fromNul(true);
    }
    if (value instanceof String s) {
      return s(s);
    }
    if (value instanceof Boolean b) {
      return AttributeValue.fromBool(b);
    }
    if (value instanceof Number number) {
      return AttributeValue.fromN(number.toString());
    }
    if (value instanceof List<?> list) {
      return AttributeValue.fromL(list.stream().map(Attributes::plain).toList());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return AttributeValue.fromM(out);
    }
    return s(value.toString());
  }

  /** The inverse of {@link #plain(Object)}: numbers come back as Long, BigInteger or Double. */
  static Object fromPlain(AttributeValue value) {
    if (value.s() != null) {
      return value.s();
    }
    if (value.bool() != null) {
      return value.bool();
    }
    if (value.n() != null) {
      BigDecimal number = new BigDecimal(value.n());
      if (number.scale() <= 0
          || number.stripTrailingZeros().scale() <= 0 && !value.n().contains(".")) {
        BigInteger integer = number.toBigIntegerExact();
        return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
      }
      return number.doubleValue();
    }
    if (value.hasL()) {
      List<Object> list = new ArrayList<>();
      value.l().forEach(item -> list.add(fromPlain(item)));
      return list;
    }
    if (value.hasM()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.m().forEach((k, v) -> map.put(k, fromPlain(v)));
      return map;
    }
    return null;
  }

  /** An upper estimate of an item's size as DynamoDB counts it against the 400 KB limit. */
  static long size(Map<String, AttributeValue> item) {
    long total = 0;
    for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
      total += utf8(entry.getKey()) + size(entry.getValue());
    }
    return total;
  }

  private static long size(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      return value.n().length() / 2 + 2;
    }
    if (value.b() != null) {
      SdkBytes bytes = value.b();
      return bytes.asByteArrayUnsafe().length;
    }
    if (value.hasL()) {
      long total = 3;
      for (AttributeValue item : value.l()) {
        total += 1 + size(item);
      }
      return total;
    }
    if (value.hasM()) {
      return 3 + size(value.m()) + value.m().size();
    }
    return 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
