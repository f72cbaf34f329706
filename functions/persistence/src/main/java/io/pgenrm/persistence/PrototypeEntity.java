package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "prototypes")
public class PrototypeEntity {
    @Id
    @Column(name = "prototype_id")
    public int prototypeId;

    @Column(name = "centroid_json", nullable = false)
    public String centroidJson;

    @Column(name = "member_count", nullable = false)
    public int memberCount;
}
