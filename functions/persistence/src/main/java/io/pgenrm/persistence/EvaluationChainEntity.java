package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "evaluation_chains")
public class EvaluationChainEntity {
    @EmbeddedId
    public Key key;

    @Column(name = "chain_json", nullable = false)
    public String chainJson;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "evaluation_id")
        public String evaluationId;

        public int slot;

        public Key() {
        }

        public Key(String evaluationId, int slot) {
            this.evaluationId = evaluationId;
            this.slot = slot;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(evaluationId, k.evaluationId) && slot == k.slot;
        }

        @Override
        public int hashCode() {
            return Objects.hash(evaluationId, slot);
        }
    }
}
