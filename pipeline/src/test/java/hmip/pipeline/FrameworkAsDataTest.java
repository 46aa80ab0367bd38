package hmip.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.DocumentStatus;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adding a framework is a data change: a made-up 2024 framework, loaded from a test resource folder beside the
 * bundled reference data, is recognised, read and validated with no code that names it.
 */
class FrameworkAsDataTest {
    private static Path resource(String name) throws Exception {
        return Path.of(FrameworkAsDataTest.class.getResource("/" + name).toURI());
    }

    @Test
    void aDocumentPrintedInAFrameworkLoadedFromDataIsExtracted() throws Exception {
        Reference reference = Reference.load(resource("reference-2024"));
        assertThat(reference.framework("probation_2024")).isPresent();
        assertThat(reference.framework("pdu_2021")).as("bundled frameworks stay").isPresent();
        Pipeline pipeline = new Pipeline(reference, Pipeline.Options.defaults().withEnrich(false));

        PipelineResult.Processed read = (PipelineResult.Processed) pipeline.process(resource("reference-2024/northtown-2024.txt"));
        Extraction ex = read.extraction();
        assertThat(ex.framework()).isEqualTo("probation_2024");
        assertThat(ex.docType()).isEqualTo("pdu_report_2024");
        assertThat(ex.region()).isEqualTo("North West");
        Provider p = ex.providers().get(0);
        assertThat(p.name()).isEqualTo("Northtown PDU");
        assertThat(p.score().points()).isEqualTo(7);
        assertThat(p.overallRating()).isEqualTo("Requires improvement");
        Map<String, String> ratings = p.ratings().stream().collect(Collectors.toMap(StandardRating::standard, StandardRating::rating));
        assertThat(ratings).containsExactlyInAnyOrderEntriesOf(Map.of("1.1", "Good", "1.2", "Requires improvement",
                "2.1", "Good", "2.2", "Good"));
        assertThat(ex.recommendations()).hasSize(2);
        assertThat(ex.keyQuestions()).extracting(k -> k.standard() + " " + k.percentYes()).containsExactly("2.1 71", "2.1 68");
        // validation judges it by the same data: 2 + 1 + 2 + 2 = 7 of 4 x 3 = 12, every rated standard printed
        assertThat(read.status().level()).as("%s", read.status().reasons()).isEqualTo(DocumentStatus.COMPLETE);

        // without the data, the same document is not read as a 2024 report
        Pipeline bundled = new Pipeline(Reference.bundled(), Pipeline.Options.defaults().withEnrich(false));
        Extraction without = ((PipelineResult.Processed) bundled.process(resource("reference-2024/northtown-2024.txt"))).extraction();
        assertThat(without.framework()).isNotEqualTo("probation_2024");
    }
}
