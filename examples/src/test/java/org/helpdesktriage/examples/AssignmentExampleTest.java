package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The assignment example runs: a custom strategy for one team, round robin for another. */
class AssignmentExampleTest {

    @Test
    void theCustomStrategy_keepsTheSpecialistFree_andRoundRobinAlternates() {
        String out = ExampleRun.stdout(() -> AssignmentExample.main(new String[0]));
        assertThat(out.lines()).as(out).startsWith(
                "T-1 -> tech-team, bob (custom, assigned)",
                "T-2 -> tech-team, ana (custom, assigned)",
                "T-3 -> tech-team, bob (custom, assigned)",
                "T-4 -> billing-team, cy (round_robin, assigned)",
                "T-5 -> billing-team, dee (round_robin, assigned)",
                "T-6 -> billing-team, cy (round_robin, assigned)");
        assertThat(out).contains("assigned=6");
    }
}
