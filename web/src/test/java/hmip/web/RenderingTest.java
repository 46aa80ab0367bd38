package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping, CSV and chart rendering, without a server. */
class RenderingTest {
    @Test
    void htmlIsEscapedAndHighlightsBecomeMarks() {
        assertThat(Html.esc("<script>\"x\" & 'y'</script>"))
                .isEqualTo("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
        assertThat(Html.highlight("a [[<b>]] c")).isEqualTo("a <mark>&lt;b&gt;</mark> c");
        assertThat(Html.query(java.util.Map.of("q", "a b&c"))).isEqualTo("?q=a%20b%26c");
        assertThat(Html.ratingClass("Requires improvement")).isEqualTo("rating-requires-improvement");
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        String csv = Csv.of(List.of("name", "n"), List.of(
                List.of("a, \"quoted\"", 3), java.util.Arrays.asList("=HYPERLINK(\"x\")", null), List.of("-2", -2)));
        assertThat(csv.split("\r\n")).containsExactly("name,n", "\"a, \"\"quoted\"\"\",3",
                "\"'=HYPERLINK(\"\"x\"\")\",", "'-2,-2");
    }

    @Test
    void chartsDrawBarsForLabelledNumbersOnly() {
        String svg = Charts.bars("t", List.of("region", "year", "rating", "n"), List.of(
                List.of("North West", 2023, "Good", 4), List.of("North West", 2023, "Inadequate", 7),
                List.of("Wales", 2022, "Good", 2)));
        assertThat(svg).startsWith("<svg").contains("<rect").contains("North West").contains("Wales").endsWith("</svg>");
        assertThat(Charts.bars("t", List.of("a", "b"), List.of(List.of("x", "y")))).isNull();
        assertThat(Charts.bars("<t>", List.of("a", "n"), List.of(List.of("<x>", 1)))).doesNotContain("<x>", "<t>");
        Charts.Spec spec = Charts.specFor("key_questions_by_provider", List.of("provider", "percent_yes"), List.of());
        assertThat(spec.aggregate()).isEqualTo("min");
        String min = Charts.bars("t", spec, List.of("provider", "percent_yes"),
                List.of(List.of("A", 70), List.of("A", 40), List.of("B", 90)));
        assertThat(min).contains("lowest percent_yes by provider").contains("A: 40").contains("B: 90").doesNotContain("A: 110");
        assertThat(Charts.specFor("key_questions_by_provider", List.of("x", "n"), List.of(List.of("a", 1))).category())
                .as("a spec whose columns are gone falls back to the columns").isEqualTo("x");
        assertThat(Charts.niceStep(7)).isEqualTo(10);
        assertThat(Charts.niceStep(0.3)).isEqualTo(1);
        assertThat(Charts.niceStep(130)).isEqualTo(200);
    }
}
