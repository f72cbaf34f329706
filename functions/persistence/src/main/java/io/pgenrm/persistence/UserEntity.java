package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "history_version", nullable = false)
    public String historyVersion;

    @Column(name = "pair_count", nullable = false)
    public int pairCount;

    @Column(name = "history_json", nullable = false)
    public String historyJson;
}
