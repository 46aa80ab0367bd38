package hmip.parse;

import hmip.model.TextLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextLayerFaultsTest {

    @Test
    void byteSwappedLigaturesBecomeTheirLetters() {
        assertThat(TextLayerFaults.repairSwapped("Sta\u6600\u6600")).isEqualTo("Staff");
        assertThat(TextLayerFaults.repairSwapped("identi\u6600\u6900ed")).isEqualTo("identified");
        assertThat(TextLayerFaults.repairSwapped("\u6600\u6c00ow")).isEqualTo("flow");
        assertThat(TextLayerFaults.repairSwapped("su\u6600\ucf00ciently")).isEqualTo("sufficiently");
        assertThat(TextLayerFaults.repairSwapped("ba\u6600\ud200e")).isEqualTo("baffle");
    }

    @Test
    void otherTextIsLeftAsPrinted() {
        assertThat(TextLayerFaults.repairSwapped("officer")).isEqualTo("officer");
        assertThat(TextLayerFaults.repairSwapped("su\ufb03ciently")).isEqualTo("su\ufb03ciently");
        assertThat(TextLayerFaults.repairSwapped("\u6600")).isEqualTo("\u6600");           // a lone ideograph
        assertThat(TextLayerFaults.repairSwapped("\u4e00\u4e00")).isEqualTo("\u4e00\u4e00"); // not letters
        assertThat(TextLayerFaults.repairSwapped("\u6900\u6600")).isEqualTo("\u6900\u6600"); // no ligature starts with i
    }

    @Test
    void ligaturesReadAsAccentedLettersAreRepairedOnlyWhereTheDocumentShowsTheFault() {
        List<TextLine> faulty = List.of(TextLine.plain("Sta\u00fb were su\u00fecient"), TextLine.plain("a speci\u00fcc plan\tre\u00fdects"),
                TextLine.plain("Mr M\u00fcller said"));
        TextLayerFaults.Faults faults = TextLayerFaults.detect(List.of(faulty));
        assertThat(faults.ligaturesAsAccents()).isTrue();
        assertThat(faults.quoteAsNine()).isFalse();
        // the price of the repair: in a faulty document a real ü inside a word is read as fi too
        assertThat(faulty.stream().map(l -> TextLayerFaults.repair(l, faults)).map(TextLine::text))
                .containsExactly("Staff were sufficient", "a specific plan\treflects", "Mr Mfiller said");
        TextLine repaired = TextLayerFaults.repair(faulty.get(1), faults);
        assertThat(repaired.segments()).extracting(s -> s.text() + "@" + s.offset()).containsExactly("a specific plan@0", "reflects@16");

        List<TextLine> clean = List.of(TextLine.plain("Mr M\u00fcller met the staff"), TextLine.plain("caf\u00e9 d\u00e9j\u00e0 vu"));
        assertThat(TextLayerFaults.detect(List.of(clean)).any()).isFalse();
    }

    @Test
    void apostrophesWrittenAsNineAreRepairedWhereTheDocumentShowsTheFault() {
        List<TextLine> faulty = List.of(TextLine.plain("The division9s leaders"), TextLine.plain("the court9s decision; we don9t know"),
                TextLine.plain("in 2019 9 of 19 cases, room B9a"));
        TextLayerFaults.Faults faults = TextLayerFaults.detect(List.of(faulty));
        assertThat(faults.quoteAsNine()).isTrue();
        assertThat(faulty.stream().map(l -> TextLayerFaults.repair(l, faults)).map(TextLine::text)).containsExactly(
                "The division\u2019s leaders", "the court\u2019s decision; we don\u2019t know", "in 2019 9 of 19 cases, room B\u2019a");

        List<TextLine> clean = List.of(TextLine.plain("Covid19s aside, 9 staff in room B9a; 1,039 cases"));
        assertThat(TextLayerFaults.detect(List.of(clean)).any()).isFalse();
    }
}
