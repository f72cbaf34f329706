package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "prototype_memberships")
public class PrototypeMembershipEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "prototype_id", nullable = false)
    public int prototypeId;

    @Column(name = "embedding_json", nullable = false)
    public String embeddingJson;
}
