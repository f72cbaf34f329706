package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "history_pairs")
public class HistoryPairEntity {
    @EmbeddedId
    public Key key;

    @Column(name = "row_index", nullable = false)
    public int rowIndex;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "pair_json", nullable = false)
    public String pairJson;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "run_id")
        public String runId;

        @Column(name = "pair_id")
        public String pairId;

        public Key() {
        }

        public Key(String runId, String pairId) {
            this.runId = runId;
            this.pairId = pairId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(pairId, k.pairId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, pairId);
        }
    }
}
