package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.List;
import java.util.Map;

/**
 * How the template names the content bucket and the table: from the stack's UUID, which every
 * mention must repeat exactly, as {@code !Sub [TEXT, {StackUuid: !Select [2, !Split ["/", !Ref
 * AWS::StackId]]}]}.
 */
final class ContentBucket {

  /** The variable of a name built from the stack's UUID: the last part of the stack's ARN. */
  static final Map<String, Object> STACK_UUID =
      Map.of(
          "StackUuid",
          Map.of(
              "Fn::Select",
              List.of("2", Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))));

  /** The stack id {@code sam local} uses (its IntrinsicsSymbolTable's default). */
  static final String LOCAL_STACK_UUID = "51af3dc0-da77-11e4-872e-1234567db123";

  private ContentBucket() {}

  /**
   * The text of a {@code !Sub} that names something from the stack's UUID; fails if {@code value}
   * is not one.
   */
  static String text(Object value) {
    assertThat(value).as("a !Sub from the stack's UUID").isInstanceOf(Map.class);
    Object sub = ((Map<?, ?>) value).get("Fn::Sub");
    assertThat(sub).as("a !Sub [TEXT, VARIABLES]: %s", value).isInstanceOf(List.class);
    List<?> parts = (List<?>) sub;
    assertThat(parts).hasSize(2);
    assertThat(parts.get(1)).isEqualTo(STACK_UUID);
    return String.valueOf(parts.get(0));
  }

  /** The {@code !Sub} text of the bucket's {@code BucketName}. */
  static String nameSub() {
    return text(SamTemplate.load().properties("ContentBucket").get("BucketName"));
  }

  /** The bucket's ARN as {@code !Sub} text. */
  static String arnSub() {
    return "arn:${AWS::Partition}:s3:::" + nameSub();
  }

  /** A {@code !Sub} from the stack's UUID with {@code text}, as the template writes it. */
  static Map<String, Object> sub(String text) {
    return Map.of("Fn::Sub", List.of(text, STACK_UUID));
  }

  /** The name with the pseudo parameters {@code sam local} uses. */
  static String localName() {
    return nameSub().replace("${StackUuid}", LOCAL_STACK_UUID);
  }
}
