package hmip.extract;

import java.util.List;
import java.util.regex.Pattern;

/** Maps a printed addressee ("HM Prison and Probation Service (HMPPS)", "The PDU") to its level, by the rules' patterns in order. */
final class AddresseeLevels {
    private record Entry(String level, Pattern pattern) {}

    private final List<Entry> entries;

    AddresseeLevels(Rules rules) {
        this.entries = rules.addresseeLevels().stream().map(a -> new Entry(a.level(), a.compiled())).toList();
    }

    String level(String addressee) {
        for (Entry e : entries) if (e.pattern.matcher(addressee).find()) return e.level;
        return "other";
    }
}
