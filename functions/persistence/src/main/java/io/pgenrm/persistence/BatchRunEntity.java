package io.pgenrm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "batch_runs")
public class BatchRunEntity {
    @Id
    @Column(name = "run_id")
    public String runId;

    @Column(nullable = false)
    public String input;

    @Column(nullable = false)
    public String backend;

    @Column(name = "scaling_json", nullable = false)
    public String scalingJson;

    @Column(nullable = false)
    public String status;

    @Column(name = "report_json")
    public String reportJson;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
