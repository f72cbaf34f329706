package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.domain.ScalingPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlanSizeTest {

    @ParameterizedTest
    @CsvSource({"ind1, 1, 0", "ind8, 8, 0", "ind4pro4, 4, 4", "IND16PRO8, 16, 8", "ind4-pro4, 4, 4",
            "Ind-4/Pro-4, 4, 4", "ind8/pro4, 8, 4", "pro4, 0, 4", "4/4, 4, 4", "16/8, 16, 8", "' ind1 ', 1, 0",
            "ind64pro64, 64, 64"})
    void parsesEveryWrittenForm(String text, int ind, int pro) {
        assertThat(PlanSize.parse(text)).isEqualTo(new PlanSize(ind, pro));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ind", "ind4pro", "pro", "4", "4/", "/4", "-pro4", "ind4pro4x", "ind 4", "four",
            "ind-4//pro-4", "4,4"})
    void rejectsWhatIsNotAPlanAndSaysHowToWriteOne(String text) {
        assertThatThrownBy(() -> PlanSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a scaling plan")
                .hasMessageContaining("ind4pro4");
    }

    @Test
    void rejectsSizesTheScalingPlanCannotTake() {
        assertThatThrownBy(() -> PlanSize.parse("ind65")).hasMessageContaining("0 to 64 samples");
        assertThatThrownBy(() -> PlanSize.parse("0/0")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> PlanSize.parse("ind0")).hasMessageContaining("at least one");
    }

    @Test
    void labelsAndRunIdFormMatchTheScalingPlan() {
        PlanSize size = PlanSize.parse("ind8pro4");
        ScalingPlan plan = size.withWeights(0.7, 0.3);

        assertThat(plan).isEqualTo(new ScalingPlan(8, 4, 0.7, 0.3));
        assertThat(size.label()).isEqualTo(plan.label()).isEqualTo("Ind-8/Pro-4");
        assertThat(size.slug()).isEqualTo("ind8-pro4");
    }
}
