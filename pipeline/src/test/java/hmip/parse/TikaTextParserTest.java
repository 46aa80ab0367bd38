package hmip.parse;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaTextParserTest {

    @Test
    void formFeedsInPlainTextArePageBreaks(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("pages.txt");
        Files.writeString(txt, "Inspection of things: Anytown\nfirst page\n\fInspection of things: Anytown\nsecond page – ‘quoted’\n",
                StandardCharsets.UTF_8);
        ParsedDocument doc = Parsers.standard().parse(SourceFile.read(txt, ParseLimits.DEFAULT), ParseLimits.DEFAULT);
        assertThat(doc.pageCount()).isEqualTo(2);
        assertThat(doc.pages().get(1).lines().get(1).text()).isEqualTo("second page – ‘quoted’");
    }
}
