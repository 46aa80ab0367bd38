package hmip.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The meanings of warehouse columns, from the resource {@code hmip/load/dictionary.csv} (table,column,meaning). */
public final class DataDictionary {
    public static final String RESOURCE = "/hmip/load/dictionary.csv";
    private final Map<String, String> meanings;

    private DataDictionary(Map<String, String> meanings) { this.meanings = meanings; }

    public static DataDictionary standard() {
        try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Map<String, String> m = new LinkedHashMap<>();
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : fmt.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                m.put(key(r.get("table"), r.get("column")), r.get("meaning"));
            }
            return new DataDictionary(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> meaning(String table, String column) {
        return Optional.ofNullable(meanings.get(key(table, column)));
    }

    public int size() { return meanings.size(); }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT);
    }
}
