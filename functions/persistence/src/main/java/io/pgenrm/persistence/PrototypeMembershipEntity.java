package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A prototype's member: a user, or (paper Pro-M) one chain analysis of the user {@code userId}. */
@Entity
@Table(name = "prototype_memberships")
public class PrototypeMembershipEntity {
    @Id
    @Column(name = "member_id")
    public String memberId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "prototype_id", nullable = false)
    public int prototypeId;

    @Column(name = "embedding_json", nullable = false)
    public String embeddingJson;
}
