package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's query language: what it keeps of Lucene's syntax, and what it reads as words. */
class QueriesTest {

  private static final SearchAnalyzer ANALYZER = new SearchAnalyzer();

  /** The kinds of leaf query {@code text} becomes, such as TermQuery or PrefixQuery. */
  private static List<Class<?>> leaves(String text) {
    List<Class<?>> kinds = new ArrayList<>();
    Queries.parse(text, ANALYZER)
        .visit(
            new QueryVisitor() {
              @Override
              public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
              }

              @Override
              public void visitLeaf(Query query) {
                kinds.add(query.getClass());
              }

              @Override
              public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                kinds.add(query.getClass());
              }
            });
    return kinds;
  }

  /** The words a query searches for, in any field, without repeats. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Queries.parse(text, ANALYZER)
        .visit(
            new QueryVisitor() {
              @Override
              public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
              }

              @Override
              public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                for (var term : terms) {
                  if (!words.contains(term.text())) {
                    words.add(term.text());
                  }
                }
              }
            });
    return words;
  }

  @Nested
  class WhatItKeeps {

    @Test
    void wordsAreTermsInEveryField() {
      assertThat(leaves("lambda")).containsOnly(TermQuery.class).hasSize(4);
      assertThat(words("lambda dynamodb")).containsExactlyInAnyOrder("lambda", "dynamodb");
    }

    @Test
    void aQuotedPhraseIsAPhrase() {
      assertThat(leaves("\"serverless blog\"")).containsOnly(PhraseQuery.class).hasSize(4);
    }

    @Test
    void aTrailingStarOfThreeOrMoreCharactersIsAPrefix() {
      assertThat(leaves("deplo*")).containsOnly(PrefixQuery.class).hasSize(4);
      assertThat(Queries.parse("Deplo*", ANALYZER).toString()).contains("body:deplo*");
    }

    @Test
    void aShorterPrefixIsTheWordItself() {
      assertThat(leaves("de*")).containsOnly(TermQuery.class);
      assertThat(words("de*")).containsExactly("de");
    }

    @Test
    void orAndTheBarJoinAlternativesAndAMinusExcludes() {
      String or = Queries.parse("lambda OR dynamodb", ANALYZER).toString();
      assertThat(or).isEqualTo(Queries.parse("lambda | dynamodb", ANALYZER).toString());
      assertThat(or).doesNotContain("+");
      assertThat(Queries.parse("lambda -dynamodb", ANALYZER).toString())
          .contains("-(")
          .contains("body:dynamodb");
    }
  }

  @Nested
  class WhatItReadsAsWords {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/(a|aa)*b{1,5000}/",
          "/.*a.*b.*c.*/",
          "lambda~2",
          "lambda~",
          "\"serverless blog\"~10",
          "body:[a TO z]",
          "title:{aa TO zz}",
          "*a*",
          "?ambda",
          "lam?da",
          "title:lambda^100",
          "\\(lambda\\)"
        })
    void lucenesOtherSyntaxNeverBecomesAnExpensiveQuery(String hostile) {
      assertThat(leaves(hostile))
          .isNotEmpty()
          .doesNotContain(
              RegexpQuery.class, FuzzyQuery.class, TermRangeQuery.class, WildcardQuery.class)
          .allMatch(
              kind ->
                  kind == TermQuery.class
                      || kind == PhraseQuery.class
                      || kind == PrefixQuery.class
                      || kind == MatchNoDocsQuery.class);
    }

    @Test
    void theRegularExpressionIsItsWordsWithoutStopWords() {
      assertThat(words("/(a|aa)*b{1,5000}/")).containsExactlyInAnyOrder("aa", "b", "1,5000");
    }

    @Test
    void aFieldNameIsPartOfTheWord() {
      // Unicode's word rules keep a colon between letters inside the word, as the index does.
      assertThat(words("title:lambda")).containsExactly("title:lambda");
    }

    @Test
    void aBoostIsNotApplied() {
      Query query = Queries.parse("lambda^100", ANALYZER);
      List<Float> boosts = new ArrayList<>();
      query.visit(
          new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              if (parent instanceof BoostQuery boost) {
                boosts.add(boost.getBoost());
              }
              return this;
            }
          });
      assertThat(boosts).allMatch(b -> b <= 40f);
    }
  }
}
