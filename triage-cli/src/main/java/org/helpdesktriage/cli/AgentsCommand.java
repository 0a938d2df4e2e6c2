package org.helpdesktriage.cli;

import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the agents of the roster with their loads, shifts and last assignments. */
@Command(name = "agents", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Lists the agents of the roster (agents, agents_file): id, name, teams, "
                + "load/capacity (stored tickets assigned to them in a load status), whether "
                + "on shift at --now by their calendar, and when last assigned a ticket. Then "
                + "the agents no longer in the roster who still hold tickets: hand those over "
                + "with 'tickets update ID --assignee AGENT'.",
            "Reads the store without its lock and changes nothing.",
            "Exit code 0, 3 when the configuration is invalid."})
final class AgentsCommand extends DataDirCommand {

    @Option(names = "--json", description = "Prints the agents as a JSON object: agents and "
            + "removed, each an array.")
    boolean json;

    @Override
    ExitCode execute() {
        try (Storage data = openForReading()) {
            AgentsOverview o = AgentsOverview.of(config(), data.tickets(), data.agentLedger(),
                    clock().instant());
            if (json) {
                out().println(o.toJson());
                return ExitCode.OK;
            }
            if (o.agents().isEmpty() && o.removed().isEmpty()) {
                say("No agents: the configuration has no roster (agents, agents_file).");
                return ExitCode.OK;
            }
            Table table = new Table("AGENT", "NAME", "TEAMS", "LOAD", "ON_SHIFT",
                    "LAST_ASSIGNED");
            o.agents().forEach(a -> table.row(a.id(), a.name(), String.join(",", a.teams()),
                    a.load() + "/" + a.capacity() + (a.active() ? "" : " (inactive)"),
                    a.onShift() ? "yes" : "no", a.lastAssigned()));
            table.print(out());
            if (!o.removed().isEmpty()) {
                out().println();
                out().println("No longer in the roster, still holding tickets:");
                Table gone = new Table("AGENT", "LOAD", "LAST_ASSIGNED");
                o.removed().forEach(a -> gone.row(a.id(), a.load(), a.lastAssigned()));
                gone.print(out());
            }
            return ExitCode.OK;
        }
    }
}
