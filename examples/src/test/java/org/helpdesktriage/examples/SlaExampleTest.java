package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SLA example computes due dates from config-sla.json without triaging. */
class SlaExampleTest {

    @Test
    void slaExample_computesDueDatesWithTheExampleConfiguration() {
        // the test runs in the examples module, where config-sla.json sits
        String out = ExampleRun.stdout(() -> SlaExample.main(
                new String[] {"config-sla.json", "2026-12-23T15:00:00Z"}));
        // Wed 16:00 CET: 1 h to 17:00; Christmas and the weekend; Monday 28 has 7 h
        assertThat(out).contains("policy high, first_response due 2026-12-23T16:00:00Z")
                .contains("policy high, resolution due 2026-12-28T16:00:00Z");
        // extended hours 07:00-20:00 CET: 4 h on Wednesday, Thursday 24 is open, 4 h more
        assertThat(out).contains("an enterprise ticket gets policy enterprise: resolution due "
                + "2026-12-24T10:00:00Z");
        // 10:00 EST on Wednesday 23: the night desk opens 22:00 EST (03:00Z on the 24th) and
        // works 2 h to midnight; the 24th and 25th are holidays, then the weekend; Monday 28
        // gives 6 h (00:00-06:00) and 2 h (22:00-24:00), Tuesday 29 the last 2 h: 02:00 EST
        assertThat(out).contains("night desk, PT1H from 2026-12-23T15:00:00Z: due "
                + "2026-12-24T04:00:00Z");
        assertThat(out).contains("night desk, PT12H from 2026-12-23T15:00:00Z: due "
                + "2026-12-29T07:00:00Z");
        assertThat(out).contains("from Instant.MAX: no due time (start "
                + "+1000000000-12-31T23:59:59.999999999Z is outside the supported range");
    }
}
