package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "evaluations")
public class EvaluationEntity {
    @Id
    @Column(name = "evaluation_id")
    public String evaluationId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "result_json", nullable = false)
    public String resultJson;
}
