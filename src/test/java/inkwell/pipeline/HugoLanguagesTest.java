package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HugoLanguagesTest {

  private final HugoLanguages byName = new HugoLanguages(List.of("en", "fr"), Map.of(), false);

  @Test
  void aFileNamedForTheDefaultLanguageLivesAtTheRoot() {
    assertThat(byName.of("posts/hello.en.md"))
        .contains(new HugoLanguages.Placed("en", "posts/hello.md", ""));
    assertThat(byName.of("posts/trip/index.en.md"))
        .contains(new HugoLanguages.Placed("en", "posts/trip/index.md", ""));
  }

  @Test
  void aFileNamedForAnotherLanguageLivesUnderItsCode() {
    assertThat(byName.of("posts/hello.fr.md"))
        .contains(new HugoLanguages.Placed("fr", "posts/hello.md", "/fr"));
  }

  @Test
  void aFileWithoutALanguageIsInTheDefaultOne() {
    assertThat(byName.of("posts/v1.2.md"))
        .contains(new HugoLanguages.Placed("en", "posts/v1.2.md", ""));
  }

  @Test
  void aLanguagesOwnContentFolderGivesItsLanguage() {
    HugoLanguages byFolder =
        new HugoLanguages(List.of("en", "de"), Map.of("english", "en", "deutsch", "de"), false);
    assertThat(byFolder.of("deutsch/posts/hallo.md"))
        .contains(new HugoLanguages.Placed("de", "posts/hallo.md", "/de"));
    assertThat(byFolder.of("english/posts/hello.md"))
        .contains(new HugoLanguages.Placed("en", "posts/hello.md", ""));
  }

  @Test
  void theDefaultLanguageInASubfolderWhenTheSiteSaysSo() {
    HugoLanguages inSubdir = new HugoLanguages(List.of("en", "fr"), Map.of(), true);
    assertThat(inSubdir.of("posts/hello.md"))
        .contains(new HugoLanguages.Placed("en", "posts/hello.md", "/en"));
  }

  @Test
  void aSiteWithOneLanguageReadsFilesAsTheyAre() {
    assertThat(HugoLanguages.NONE.of("posts/hello.fr.md")).isEmpty();
  }

  @Test
  void theLanguagesSurviveThePermalinksOneLineForm() {
    HugoLanguages languages =
        new HugoLanguages(List.of("en", "fr"), Map.of("francais", "fr"), true);
    Permalinks permalinks = Permalinks.hugo(Map.of(), false, List.of("posts"), languages);
    assertThat(permalinks.spec())
        .isEqualTo(
            "hugo posts/ languages:en,fr language-folders:francais=fr default-language-in-subdir");
    assertThat(Permalinks.parse(permalinks.spec()).languages()).isEqualTo(languages);
  }
}
