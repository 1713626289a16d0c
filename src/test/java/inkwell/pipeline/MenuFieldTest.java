package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.MenuPlace;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The front-matter field {@code menu}, in Inkwell's form and Hugo's, and its errors. */
class MenuFieldTest {

  private static MenuPlace menuOf(String frontMatter) {
    return post("---\ntitle: About this blog\n" + frontMatter + "\n---\nBody.").menu();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "menu: 2                                      | 2    | About this blog",
        "menu: 0                                      | 0    | About this blog",
        "menu: 9999                                   | 9999 | About this blog",
        "menu: 2\\nmenuTitle: About                    | 2    | About",
        "menu: 2\\nmenu_title: About                   | 2    | About",
        "menu: 2\\nlinkTitle: Short                    | 2    | Short",
        "menu: 2\\nlinkTitle: Short\\nmenuTitle: About  | 2    | About",
        "menu: main                                   | 9999 | About this blog",
        "menu: [main]                                 | 9999 | About this blog",
        "menu: true                                   | 9999 | About this blog",
        "'menu: {main: {weight: 20, name: Me}}'       | 20   | Me",
        "'menu: {main: {weight: 20}}'                 | 20   | About this blog",
        "'menu: {main: {identifier: about}}'          | 9999 | About this blog",
        "'menu:\\n  main:\\n    weight: 5'             | 5    | About this blog",
      })
  void aPostInTheMenuHasAPositionAndALabel(String frontMatter, int position, String label) {
    assertThat(menuOf(frontMatter.replace("\\n", "\n"))).isEqualTo(new MenuPlace(position, label));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"menu: false", "menu:", "menu: []", "menuTitle: About", "linkTitle: Short"})
  void withoutAMenuPositionThePostIsInNoMenu(String frontMatter) {
    assertThat(menuOf(frontMatter)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "menu: -1                              | 3:7  | menu is \"-1\"; give a number",
        "menu: 10000                           | 3:7  | menu is \"10000\"; give a number",
        "menu: 2.5                             | 3:7  | menu is \"2.5\"; give a number",
        "menu: footer                          | 3:7  | menu \"footer\" is not a menu Inkwell has",
        "menu: [main, footer]                  | 3:14 | menu \"footer\" is not a menu Inkwell has",
        "'menu: {footer: {weight: 1}}'         | 3:8  | menu \"footer\" is not a menu Inkwell has",
        "'menu: {main: {weight: x}}'           | 3:23 | menu.main.weight is \"x\"",
        "'menu: {main: {parent: docs}}'        | 3:15 | nested menus (menu.main.parent)",
        "'menu: {main: 3}'                     | 3:14 | menu.main must be a map",
      })
  void aMenuFieldItCannotUseIsRejectedWhereItIsWritten(
      String frontMatter, String position, String message) {
    PostError error = error("---\ntitle: About\n" + frontMatter + "\n---\nBody.");
    assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
    assertThat(error.line() + ":" + error.column()).isEqualTo(position);
    assertThat(error.message()).contains(message);
  }
}
