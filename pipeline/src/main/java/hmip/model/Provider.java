package hmip.model;

import java.util.List;

/** An inspected unit whose ratings the document prints (a PDU, an NPS division, a CRC). */
public record Provider(String name, String type, String fieldworkStarted, Score score, String overallRating,
                       List<StandardRating> ratings, Provenance provenance) {
    public Provider {
        ratings = List.copyOf(ratings);
    }
}
