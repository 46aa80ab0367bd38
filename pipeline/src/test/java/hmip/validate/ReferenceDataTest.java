package hmip.validate;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.Resolution;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
    final Reference ref = Reference.bundled();
    final Gazetteer g = ref.gazetteer();

    @Test
    void crosswalk() {
        assertThat(ref.standard("nps_2018", "2.1").orElseThrow().canonical()).isEqualTo("2.2");
        assertThat(ref.standard("nps_2018", "2.4").orElseThrow().canonical()).isEqualTo("2.5");
        assertThat(ref.standard("nps_2018", "3.1").orElseThrow().canonical()).isEqualTo("2.1");
        assertThat(ref.standard("crc_2018", "3.2").orElseThrow().name()).isEqualTo("Through the gate");
        assertThat(ref.standard("pdu_2021", "2.6").orElseThrow().rated()).isFalse();
        Set<String> canonical = ref.canonicalStandards().stream().map(Reference.CanonicalStandard::code).collect(Collectors.toSet());
        for (String fw : new String[] {"nps_2018", "crc_2018", "pdu_2021"}) {
            assertThat(ref.standards(fw)).allMatch(s -> canonical.contains(s.canonical()));
        }
    }

    @Test
    void twelveRegionsSevenDivisionsEveryRegionHasOneDivision() {
        assertThat(Set.of("North East", "Yorkshire and the Humber", "North West", "Greater Manchester", "Wales",
                "West Midlands", "East Midlands", "East of England", "South West", "South Central", "Kent, Surrey and Sussex",
                "London")).allSatisfy(r -> {
                    assertThat(g.resolve(r, Gazetteer.REGION).resolved()).as(r).isTrue();
                    assertThat(ref.divisionOf(r)).as(r).isPresent();
                });
        assertThat(ref.regionsOf("North West")).containsExactlyInAnyOrder("North West", "Greater Manchester");
    }

    @Test
    void namesResolveThroughVariants() {
        assertThat(g.resolve("Blackburn PDU", Gazetteer.PDU).canonicalName()).isEqualTo("Blackburn with Darwen");
        assertThat(g.resolve("Knowsley & St Helens PDU", null).canonicalName()).isEqualTo("Knowsley and St Helens");
        assertThat(g.resolve("Knowsley and St Helen’s PDU", null).canonicalName()).isEqualTo("Knowsley and St Helens");
        Resolution gm = g.resolve("Manchester North", Gazetteer.PDU);
        assertThat(gm.region()).isEqualTo("Greater Manchester");
        assertThat(gm.npsDivision()).isEqualTo("North West");
        assertThat(g.resolve("North West NPS division", null).kind()).isEqualTo(Gazetteer.DIVISION);
        assertThat(g.resolve("Probation Service – North West Region", null).kind()).isEqualTo(Gazetteer.REGION);
        assertThat(g.resolve("Greater Manchester Region", null).canonicalName()).isEqualTo("Greater Manchester");
    }

    @Test
    void unknownAndAmbiguousNamesAreNotGuessed() {
        assertThat(g.resolve("Cheshire North", Gazetteer.PDU).status()).isEqualTo(Resolution.UNRESOLVED);
        assertThat(g.resolve("Cheshire Wast PDU", null).status()).isEqualTo(Resolution.UNRESOLVED);
        assertThat(g.resolve("North West", null).status()).isEqualTo(Resolution.AMBIGUOUS);
        assertThat(g.resolve("North West", Gazetteer.REGION).resolved()).isTrue();
    }

    @Test
    void ratingWords() {
        assertThat(ref.normaliseRating("'Requires Improvement'")).contains("Requires improvement");
        assertThat(ref.points("Not rated")).isEmpty();
        assertThat(ref.normaliseRating("Rating")).isEmpty();
    }

    @Test
    void csvQuotes() {
        assertThat(Csv.parseLine("a,\"Kent, Surrey and Sussex\",,\"x \"\"y\"\"\""))
                .containsExactly("a", "Kent, Surrey and Sussex", "", "x \"y\"");
    }
}
