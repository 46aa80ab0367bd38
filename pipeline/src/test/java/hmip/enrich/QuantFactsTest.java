package hmip.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantFactsTest {
    static QuantFacts.Fact only(String text, double value) {
        List<QuantFacts.Fact> facts = QuantFacts.find(text);
        return facts.stream().filter(f -> f.value() == value).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + value + " in " + facts));
    }

    @Test
    void backlogOfCases() {
        var f = only("We found a significant backlog of 1,350 cases of police information requests across Merseyside.", 1350);
        assertThat(f.valueText()).isEqualTo("1,350");
        assertThat(f.unit()).isEqualTo("case");
        assertThat(f.counted()).isEqualTo("cases of police information requests");
        assertThat(f.measure()).contains("backlog");
        assertThat(f.phrase()).isEqualTo("a significant backlog of 1,350 cases of police information requests");
    }

    @Test
    void weeksOfDelay() {
        var f = only("Some people waited up to a 12-week delay before starting.", 12);
        assertThat(f.unit()).isEqualTo("week");
        assertThat(f.qualifier()).isEqualTo("up to");
        assertThat(f.counted()).isEqualTo("delay");
    }

    @Test
    void percentageOfCases() {
        var f = only("Domestic abuse enquiries were made in 80 per cent of cases.", 80);
        assertThat(f.unit()).isEqualTo("percent");
        assertThat(f.counted()).isEqualTo("cases");
        assertThat(f.measure()).isEqualTo("Domestic abuse enquiries were made");
    }

    @Test
    void outOfTotals() {
        var f = only("Of the staff responding, 8 out of 14 staff believed their workload was not manageable.", 8);
        assertThat(f.total()).isEqualTo(14.0);
        assertThat(f.unit()).isEqualTo("staff");
        var w = only("Of the staff responding to our survey, eight out of 14 believed that their workload was not manageable.", 8);
        assertThat(w.total()).isEqualTo(14.0);
    }

    @Test
    void datesYearsAndReferencesAreNotFacts() {
        assertThat(QuantFacts.find("The report was published on 27 July 2023, see page 12 and standard 2.1.")).isEmpty();
    }

    @Test
    void offsetsIndexTheText() {
        String text = "Intro. There was a 20 per cent shortfall in the number of probation officers.";
        for (QuantFacts.Fact f : QuantFacts.find(text)) assertThat(text.substring(f.start(), f.end())).isEqualTo(f.phrase());
    }
}
