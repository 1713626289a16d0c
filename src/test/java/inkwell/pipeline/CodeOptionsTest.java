package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hugo's options after a fenced block's language, read exactly. */
class CodeOptionsTest {

  private static BitSet lines(int... numbers) {
    BitSet set = new BitSet();
    IntStream.of(numbers).forEach(set::set);
    return set;
  }

  @Test
  void noInfoOrNoBracesIsNoOptions() {
    assertThat(CodeOptions.parse(null)).isSameAs(CodeOptions.NONE);
    assertThat(CodeOptions.parse("java")).isSameAs(CodeOptions.NONE);
    assertThat(CodeOptions.parse("java }{linenos=true")).isSameAs(CodeOptions.NONE);
    assertThat(CodeOptions.parse("java {linenos=true")).isSameAs(CodeOptions.NONE);
  }

  @Test
  void optionsMayStandAtTheVeryStartOfTheInfo() {
    assertThat(CodeOptions.parse("{linenos=true}")).isEqualTo(new CodeOptions(true, lines()));
  }

  @ParameterizedTest(name = "[{0}] numbers lines: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "go {linenos=true}   | true",
        "go {linenos=table}  | true",
        "go {linenos=FALSE}  | false",
        "go {linenos = false} | false",
        "go {}               | false",
      })
  void anyLinenosButFalseNumbersTheLines(String info, boolean numbered) {
    assertThat(CodeOptions.parse(info).lineNumbers()).isEqualTo(numbered);
  }

  @Test
  void markedLinesAreReadFromAListOrAString() {
    assertThat(CodeOptions.parse("go {hl_lines=[2,\"4-6\"]}").marked())
        .isEqualTo(lines(2, 4, 5, 6));
    assertThat(CodeOptions.parse("go {hl_lines=\"1 3-3\"}").marked()).isEqualTo(lines(1, 3));
  }

  @Test
  void rangesOutsideOneTo100000OrBackwardsAreIgnored() {
    assertThat(CodeOptions.parse("go {hl_lines=[0, \"0-2\", \"5-4\", 100001]}").marked())
        .isEqualTo(lines());
    assertThat(CodeOptions.parse("go {hl_lines=[100000]}").marked()).isEqualTo(lines(100000));
    assertThat(CodeOptions.parse("go {hl_lines=\"99999-100000\"}").marked())
        .isEqualTo(lines(99999, 100000));
    assertThat(CodeOptions.parse("go {hl_lines=\"99999-100001\"}").marked()).isEqualTo(lines());
  }

  @Test
  void onlyNumberedOrMarkedBlocksWrapTheirLines() {
    assertThat(CodeOptions.NONE.wrapsLines()).isFalse();
    assertThat(CodeOptions.parse("go {hl_lines=[1]}").wrapsLines()).isTrue();
    assertThat(CodeOptions.parse("go {linenos=true}").wrapsLines()).isTrue();
  }
}
