package hmip.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMarkupTest {
    @Test
    void stripsConverterMarkupAndKeepsHeadingFlag() {
        var c = TextMarkup.clean("### **Liverpool North PDU should:**");
        assertThat(c.text()).isEqualTo("Liverpool North PDU should:");
        assertThat(c.heading()).isTrue();
        assertThat(TextMarkup.clean("rates<sup>2</sup> of 27.7 per cent").text()).isEqualTo("rates of 27.7 per cent");
        assertThat(TextMarkup.clean("<sup>&</sup>lt;sup>1</sup> Source: ONS").text()).isEqualTo("Source: ONS");
        assertThat(TextMarkup.clean("visit <a href=\"https://x\">www.x.gov.uk</a> now").text()).isEqualTo("visit www.x.gov.uk now");
        assertThat(TextMarkup.clean("Knowsley &amp; St Helens").text()).isEqualTo("Knowsley & St Helens");
    }
}
