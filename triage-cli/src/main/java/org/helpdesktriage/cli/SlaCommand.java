package org.helpdesktriage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** SLA clocks: when a ticket falls due, and where the stored tickets stand. */
@Command(name = "sla", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Computes SLA due times and reports the stored tickets by SLA state.",
            "The calendars, policies and escalation stages are the 'sla' key of the "
                + "configuration (docs/sla.md)."},
        subcommands = {SlaDueCommand.class, SlaStatusCommand.class, SlaReportCommand.class})
final class SlaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a subcommand: due, status or report");
    }
}
