package inkwell.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** S3's sequencers, padded once so that plain string order is event order. */
class SequencerTest {

  @Test
  void aSequencerIsUpperCasedStrippedAndPaddedTo40Digits() {
    assertThat(Sequencer.of(" 0055aed6dcd90281e5 ").normalized())
        .isEqualTo("0055AED6DCD90281E5" + "0".repeat(22));
    assertThat(Sequencer.of("A").toString()).isEqualTo("A" + "0".repeat(39));
  }

  @Test
  void fortyDigitsAreKeptAndFortyOneRefused() {
    String forty = "F".repeat(40);
    assertThat(Sequencer.of(forty).normalized()).isEqualTo(forty);
    assertThatThrownBy(() -> Sequencer.of("F".repeat(41)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an S3 sequencer is 1 to 40 hex digits, got \"" + "F".repeat(41) + "\"");
  }

  @ParameterizedTest(name = "[{0}] is refused")
  @ValueSource(strings = {"", " ", "0x12", "12G", "-1"})
  void anythingButHexIsRefused(String raw) {
    assertThatThrownBy(() -> Sequencer.of(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "[{0}] is not normalized")
  @ValueSource(strings = {"ABC", "a000000000000000000000000000000000000000"})
  void theConstructorTakesOnlyNormalizedValues(String value) {
    assertThatThrownBy(() -> new Sequencer(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a normalized sequencer: " + value);
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "0055AED6DCD90281E5, 0055AED6DCD90281E6, -1",
    "0055AED6DCD90281E5, 0055AED6DCD90281E5, 0",
    // the shorter is padded: 1 is 10 is 100...
    "1, 10, 0",
    "1, 0F, 1",
    "0055AED6DCD90281E5, 0055AED6DCD90281E500, 0",
    "0055AED6DCD90281E5, 0055AED6DCD90281E501, -1",
  })
  void sequencersCompareAfterPadding(String a, String b, int sign) {
    assertThat(Integer.signum(Sequencer.of(a).compareTo(Sequencer.of(b)))).isEqualTo(sign);
    assertThat(Sequencer.of(a).isAfter(Sequencer.of(b))).isEqualTo(sign > 0);
    assertThat(Sequencer.of(b).isAfter(Sequencer.of(a))).isEqualTo(sign < 0);
  }
}
