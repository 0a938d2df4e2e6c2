package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The storing example runs: a re-import updates the ticket, an unchanged one writes nothing. */
class StoringExampleTest {

    @Test
    void reimport_updatesTheStoredTicket_andAnUnchangedOneWritesNoAuditEntry() {
        String out = ExampleRun.stdout(() -> StoringExample.main(new String[0]));
        assertThat(out.lines()).as(out)
                .startsWith("TKT-1 -> account-team, priority high, score 0.5")
                .contains("stored: Still cannot log in, account-team", "audit entries: 2");
    }
}
