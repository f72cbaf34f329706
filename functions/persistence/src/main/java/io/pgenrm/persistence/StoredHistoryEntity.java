package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "histories")
public class StoredHistoryEntity {
    @EmbeddedId
    public Key key;

    @Column(name = "pair_count", nullable = false)
    public int pairCount;

    @Column(name = "history_json", nullable = false)
    public String historyJson;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        public String userId;

        @Column(name = "history_version")
        public String version;

        public Key() {
        }

        public Key(String userId, String version) {
            this.userId = userId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, version);
        }
    }
}
