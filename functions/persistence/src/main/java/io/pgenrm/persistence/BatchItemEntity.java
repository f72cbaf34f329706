package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "batch_items")
public class BatchItemEntity {
    @EmbeddedId
    public Key key;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String status;

    @Column(name = "outcome_json", nullable = false)
    public String outcomeJson;

    @Column(name = "result_json")
    public String resultJson;

    public String reason;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "run_id")
        public String runId;

        @Column(name = "item_id")
        public String itemId;

        public Key() {
        }

        public Key(String runId, String itemId) {
            this.runId = runId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, itemId);
        }
    }
}
