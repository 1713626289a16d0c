package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private static Object value(String yaml) {
    return ((Map<?, ?>) SamTemplate.parse("V: " + yaml).root()).get("V");
  }

  @Test
  void refAndGetAttNameTheResource() {
    assertThat(References.in(value("[!Ref Table, !GetAtt Queue.Arn, !Ref AWS::Region]")))
        .containsExactly("Table", "Queue");
  }

  @Test
  void subVariablesCountButNotPseudoParametersLocalVariablesOrEscapes() {
    assertThat(
            References.in(
                value(
                    "!Sub [\"arn:${AWS::Partition}:${Table.Arn}/${Local}/${!Literal}\","
                        + " {Local: !Ref Other}]")))
        .containsExactly("Table", "Other");
  }

  @Test
  void samReferablePropertiesStayWhole() {
    assertThat(References.in(value("[!Ref Fn.Alias, !Sub \"${Site.Version}:${Site.Arn}\"]")))
        .containsExactly("Fn.Alias", "Site.Version", "Site");
  }
}
