package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search commands end to end on two small text files: ingest (with themes, facts, vectors), search, facts, themes, embed. */
class SearchCommandsTest {
    @TempDir
    static Path dir;
    static Path db;
    static Path index;

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @BeforeAll
    static void ingest() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), """
                Inspection of probation services

                We found a significant backlog of 1,350 cases of police information requests about domestic abuse across the area.

                Domestic abuse checks were not always completed before court reports were written.

                Staff did not feel safe on home visits because they had no access to mobile phones.
                """);
        Files.writeString(docs.resolve("b.txt"), """
                Regional letter

                The PDU supported neurodivergent people on probation, including those with autism.

                Unpaid work placements were delayed for up to a 12-week period after sentence.
                """);
        db = dir.resolve("w.duckdb");
        index = dir.resolve("index");
        Cli.Run r = run("ingest", docs.toString(), "--db", db.toString(), "--index", index.toString(), "--quiet", "--threads", "1");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void abbreviationSearchHighlightsTheWords() {
        Cli.Run r = run("search", "DA checks", "--mode", "lexical", "--index", index.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("[[Domestic abuse]] [[checks]]").contains("facets").contains("theme");
    }

    @Test
    void hybridSearchUsesTheVectorsFromIngestEmbed() {
        Cli.Run r = run("search", "people with ADHD", "--index", index.toString(), "--limit", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(hybrid,").contains("neurodivergent").doesNotContain("note:");
    }

    @Test
    void badSyntaxIsOneLine() {
        Cli.Run r = run("search", "domestic AND (abuse", "--index", index.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("search: cannot parse query").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void unknownFilterValuesAreOneLineErrorsWithTheNearestKnownValues() {
        // these text files name no region: no value can match, and the message says so
        Cli.Run region = run("search", "unpaid work", "--region", "North Wst", "--index", index.toString());
        assertThat(region.code()).isEqualTo(2);
        assertThat(region.err().strip()).isEqualTo("search: unknown --region \"North Wst\": nothing ingested so far has any "
                + "--region value");
        Cli.Run type = run("search", "unpaid work", "--type", "pdu_reprt", "--index", index.toString());
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err().strip()).doesNotContain("\n").startsWith("search: unknown --type \"pdu_reprt\"; did you mean \"pdu_report\"?");
        Cli.Run kind = run("search", "--kind", "recomendation", "--index", index.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err().strip()).isEqualTo("search: unknown --kind \"recomendation\"; did you mean \"recommendation\"? "
                + "Known: finding, footnote, list_item, paragraph, recommendation, table_row");
        Cli.Run theme = run("search", "--theme", "Domestic abuse", "--index", index.toString()); // a label stands for its id
        assertThat(theme.code()).isZero();
        Cli.Run facts = run("facts", "--theme", "domestic", "--db", db.toString());
        assertThat(facts.code()).isEqualTo(2);
        assertThat(facts.err().strip()).startsWith("facts: unknown --theme \"domestic\"; did you mean \"domestic_abuse\"?");
        Cli.Run themes = run("themes", "--kind", "recs", "--db", db.toString());
        assertThat(themes.code()).isEqualTo(2);
    }

    @Test
    void jsonSaysWhichModeRan() {
        Cli.Run r = run("search", "unpaid work", "--json", "--index", index.toString(), "--limit", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"mode\" : \"HYBRID\"");
    }

    @Test
    void factsAndThemes() {
        Cli.Run f = run("facts", "--theme", "domestic_abuse", "--about", "backlog", "--db", db.toString());
        assertThat(f.code()).isZero();
        assertThat(f.out()).contains("1,350").contains("a significant backlog of 1,350 cases of police information requests");
        Cli.Run t = run("themes", "--db", db.toString());
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("domestic_abuse").contains("neurodiversity").contains("unpaid_work");
    }

    @Test
    void embedIsIncremental() {
        Cli.Run r = run("embed", "--db", db.toString(), "--index", index.toString(), "--quiet");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("embed: 0 passages given vectors");
    }
}
