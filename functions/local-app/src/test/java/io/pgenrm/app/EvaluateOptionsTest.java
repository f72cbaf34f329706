package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.PlanSize;
import io.pgenrm.local.BgeSmallEmbedder;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.prototype.ProMMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The evaluate command's options, parsed without starting the application. */
class EvaluateOptionsTest {
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = new CommandLine(new EvaluateCommand());
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void plansAndRepeatsParse() {
        EvaluateCommand command = new EvaluateCommand();
        new CommandLine(command).parseArgs("data.jsonl", "--plans", "ind1,ind8,ind4pro4,8/4,Ind-16/Pro-8",
                "--repeats", "3");

        assertThat(command.plans).containsExactly(new PlanSize(1, 0), new PlanSize(8, 0), new PlanSize(4, 4),
                new PlanSize(8, 4), new PlanSize(16, 8));
        assertThat(command.repeats).isEqualTo(3);
    }

    @Test
    void anInvalidPlanIsAnErrorNamingTheOption() {
        assertThat(execute("data.jsonl", "--plans", "ind1,ind4pro")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--plans'")
                .contains("'ind4pro' is not a scaling plan: write indN or indNproM");
    }

    @Test
    void repeatsMustBeAtLeastOne() {
        assertThat(execute("data.jsonl", "--repeats", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--repeats'").contains("must be at least 1");
    }

    @Test
    void plansReplaceIndAndPro() {
        assertThat(execute("data.jsonl", "--plans", "ind1", "--ind", "8")).isEqualTo(2);
        assertThat(err.toString()).contains("--plans replaces --ind and --pro");
    }

    @Test
    void badWeightsFailBeforeAnythingRuns() {
        assertThat(execute("data.jsonl", "--plans", "ind1,ind4pro4", "--self-weight", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --self-weight/--prototype-weight: selfWeight: must be between 0 and 1000000");
    }

    @Test
    void proMIsPersonaOrPaper() {
        EvaluateCommand command = new EvaluateCommand();
        new CommandLine(command).parseArgs("data.jsonl", "--pro-m", "paper");

        assertThat(command.proM).isEqualTo(ProMMode.PAPER);
        assertThat(execute("data.jsonl", "--pro-m", "nearest")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--pro-m'")
                .contains("Pro-M must be \"persona\" or \"paper\", got \"nearest\"");
    }

    @Test
    void paperProMIsRefusedBeforeAnythingRunsWhenTheBackendWritesNoAnalyses() {
        EvaluateCommand command = new EvaluateCommand();
        command.judge = new LocalJudge(new BgeSmallEmbedder());
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("no-such-file.jsonl", "--pro-m", "paper")).isEqualTo(2);
        assertThat(err.toString()).contains("Pro-M paper clusters the analyses that chains write with each sample, "
                + "and this backend (local) writes none: use PGENRM_BACKEND=llm with PGENRM_LLM_FORMAT=chain");
    }

    @Test
    void repeatZeroOfALonePlanKeepsTheIdRunsHadBefore() {
        RunIds ids = RunIds.of("personal-reward-bench-sample.jsonl", "local", null, List.of(new PlanSize(4, 4)));

        assertThat(ids.run(new PlanSize(4, 4), 0)).isEqualTo("personal-reward-bench-sample-local-ind4-pro4");
        assertThat(ids.run(new PlanSize(4, 4), 2)).isEqualTo("personal-reward-bench-sample-local-ind4-pro4-r2");
        assertThat(ids.report()).isEqualTo("personal-reward-bench-sample-local-ind4-pro4");
    }

    @Test
    void severalPlansUnderOneRunIdEachGetTheirOwnRuns() {
        List<PlanSize> plans = List.of(new PlanSize(1, 0), new PlanSize(4, 4));
        RunIds named = RunIds.of("data.jsonl", "llm/p-genrm-8b", "exp1", plans);
        RunIds unnamed = RunIds.of("data.jsonl", "llm/p-genrm-8b", null, plans);

        assertThat(named.run(new PlanSize(1, 0), 0)).isEqualTo("exp1-ind1-pro0");
        assertThat(named.run(new PlanSize(4, 4), 1)).isEqualTo("exp1-ind4-pro4-r1");
        assertThat(named.report()).isEqualTo("exp1");
        assertThat(unnamed.run(new PlanSize(1, 0), 0)).isEqualTo("data-llm-p-genrm-8b-ind1-pro0");
        assertThat(unnamed.report()).isEqualTo("data-llm-p-genrm-8b-ind1-pro0_ind4-pro4");
    }
}
