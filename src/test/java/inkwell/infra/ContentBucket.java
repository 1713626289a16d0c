package inkwell.infra;

import inkwell.testenv.SamTemplate;
import java.util.Map;

/** How the template names the content bucket, which everything else must repeat exactly. */
final class ContentBucket {

  private ContentBucket() {}

  /** The {@code !Sub} string of the bucket's {@code BucketName}. */
  static String nameSub() {
    Object name = SamTemplate.load().properties("ContentBucket").get("BucketName");
    return String.valueOf(((Map<?, ?>) name).get("Fn::Sub"));
  }

  /** The bucket's ARN as a {@code !Sub} string. */
  static String arnSub() {
    return "arn:${AWS::Partition}:s3:::" + nameSub();
  }

  /** The name with the pseudo parameters {@code sam local} uses (account 123456789012). */
  static String localName() {
    return nameSub()
        .replace("${AWS::AccountId}", "123456789012")
        .replace("${AWS::Region}", "us-east-1");
  }
}
