package hmip.export;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every column of every warehouse table and view must be documented in hmip/load/dictionary.csv. */
class DataDictionaryTest {
    @TempDir
    Path tmp;

    @Test
    void everyColumnOfAFreshWarehouseHasAMeaning() throws Exception {
        DataDictionary dict = DataDictionary.standard();
        List<String> missing = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        try (Warehouse w = Warehouse.open(tmp.resolve("fresh.duckdb"))) {
            for (Exporter.Relation r : Exporter.relations(w.connection())) {
                for (String col : r.columns()) {
                    columns.add(r.name() + "." + col);
                    if (dict.meaning(r.name(), col).isEmpty()) missing.add(r.name() + "." + col);
                }
            }
        }
        assertThat(missing).as("document these in pipeline/src/main/resources/hmip/load/dictionary.csv").isEmpty();
        assertThat(columns).hasSizeGreaterThan(90);
    }

    @Test
    void meaningsAreNotBlank() {
        DataDictionary dict = DataDictionary.standard();
        assertThat(dict.size()).isGreaterThan(90);
        assertThat(dict.meaning("ratings", "canonical_standard")).get().asString().contains("crosswalk");
        assertThat(dict.meaning("RATINGS", "Canonical_Standard")).isPresent();
        assertThat(dict.meaning("ratings", "no_such_column")).isEmpty();
    }
}
