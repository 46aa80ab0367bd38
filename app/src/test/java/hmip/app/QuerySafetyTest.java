package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.search.PassageIndex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Untrusted query text is reported as a syntax error (exit 2), never thrown as a stack trace. */
class QuerySafetyTest {
    @Test
    void badQueriesAreReported(@TempDir Path tmp) throws Exception {
        Path idx = tmp.resolve("idx");
        try (PassageIndex index = new PassageIndex(idx)) {
            index.commit();
        }
        for (String q : new String[] {"domestic AND (", "title:[a TO", "*abuse", "\"unclosed", "a:b:c", "\\",
                "'; DROP TABLE documents; --", "AND", "(((((("}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = BadInputsTest.run(out, "search", "--index", idx.toString(), q);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(q + " -> " + printed).isIn(0, 2);
            if (rc == 2) assertThat(printed).as(q).contains("search: cannot parse query");
            assertThat(printed).as(q).doesNotContain("Exception\n\tat ").doesNotContain("\tat hmip.");
        }
    }
}
