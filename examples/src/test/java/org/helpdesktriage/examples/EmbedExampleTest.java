package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedding example builds and runs as the README says. */
class EmbedExampleTest {

    @Test
    void embedExample_triagesTicketsAndTheExampleFile() {
        // the test runs in the examples module, where tickets.json sits
        String out = ExampleRun.stdout(() -> EmbedExample.main(new String[] {"", "tickets.json"}));
        assertThat(out).contains("TKT-20261120-0A1B2C3D -> billing-team, priority critical,"
                + " rule critical_billing");
        assertThat(out).contains("TKT-20261120-1B2C3D4E -> engineering-team, priority low,"
                + " rule none");
        assertThat(out).contains("tickets.json: read 26, triaged 26, rejected 0");
    }
}
