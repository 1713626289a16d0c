package inkwell.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading flat JSON objects, and arrays of them, as the pointer and messages are read. */
class JsonTest {

  @Test
  void aFlatObjectSkipsNestedValuesAndNulls() {
    assertThat(Json.flatObject("{\"a\":\"x\",\"n\":2,\"b\":true,\"z\":null,\"list\":[{\"c\":1}]}"))
        .containsExactly(Map.entry("a", "x"), Map.entry("n", "2"), Map.entry("b", "true"));
  }

  @Test
  void flatObjectsReadsTheArrayAtOneFieldOnly() {
    String json =
        Json.object(
            "before",
            Map.of("deep", List.of(1, 2)),
            "menu",
            List.of(Map.of("slug", "about", "position", 1), Map.of("slug", "now", "x", List.of())),
            "after",
            "y");
    assertThat(Json.flatObjects(json, "menu"))
        .containsExactly(Map.of("slug", "about", "position", "1"), Map.of("slug", "now"));
  }

  @Test
  void flatObjectsOfAMissingOrNullFieldIsEmpty() {
    assertThat(Json.flatObjects("{\"snapshot\":\"s\"}", "menu")).isEmpty();
    assertThat(Json.flatObjects("{\"menu\":null}", "menu")).isEmpty();
    assertThat(Json.flatObjects("{\"menu\":[]}", "menu")).isEmpty();
  }

  @Test
  void flatObjectsRefusesWhatIsNotAnArrayOfObjects() {
    assertThatThrownBy(() -> Json.flatObjects("{\"menu\":\"about\"}", "menu"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.flatObjects("{\"menu\":{\"slug\":\"about\"}}", "menu"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.flatObjects("{\"menu\":[1]}", "menu"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.flatObjects("[]", "menu"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
