package hmip.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DehyphenatorTest {
    @Test
    void keepsCompoundsAndJoinsBrokenWordsTheDocumentUsesWhole() {
        Dehyphenator d = new Dehyphenator();
        d.learn("probation services offending-related factors");
        assertThat(d.join("the proba-", "tion service")).isEqualTo("the probation service");
        assertThat(d.join("critical offending-", "related factors")).isEqualTo("critical offending-related factors");
        assertThat(d.join("soft\u00AD", "ware")).isEqualTo("software");
        assertThat(d.join("end of line", "next line")).isEqualTo("end of line next line");
    }
}
