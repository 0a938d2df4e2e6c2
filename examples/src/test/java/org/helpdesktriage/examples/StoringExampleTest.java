package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The storing example runs: a re-import updates the ticket, an unchanged one writes nothing. */
class StoringExampleTest {

    @Test
    void reimport_updatesTheStoredTicket_andAnUnchangedOneWritesNoAuditEntry() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            StoringExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).as(out)
                .startsWith("TKT-1 -> account-team, priority high, score 0.5")
                .contains("stored: Still cannot log in, account-team", "audit entries: 2");
    }
}
