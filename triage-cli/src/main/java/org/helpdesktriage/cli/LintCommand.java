package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.lint.ConfigLint;
import org.helpdesktriage.core.internal.lint.LintFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Finds what a reviewer of a configuration would miss. */
@Command(name = "lint", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks a configuration that loads for what a reviewer would miss, "
                + "each finding naming the rules or SLA policies and why: rules that can never "
                + "be the first match (shadowed by an earlier rule whose condition they imply, "
                + "duplicates included), conditions that can never hold, catch-all rules that "
                + "raise every ticket to high or critical, actions that an earlier rule always "
                + "decides instead (match_mode all), SLA policies that never apply, keywords "
                + "the tokeniser reads otherwise than written (c++ is c).",
            "Every finding is certain; what cannot be proved (overlapping regular "
                + "expressions) is not reported. See docs/changing-rules.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing to report", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration does not load",
            "4:there are findings (printed)"})
final class LintCommand extends AbstractCommand {

    @Option(names = "--json", description = "Prints a JSON object: the findings, each with "
            + "its check, subjects and message.")
    boolean json;

    @Override
    ExitCode execute() {
        TriageConfig config = config();
        List<LintFinding> findings = ConfigLint.check(config);
        String name = configOptions.file().map(Object::toString).orElse("the built-in defaults");
        if (json) {
            ObjectNode n = OpsJson.object();
            n.put("config", name);
            n.put("clean", findings.isEmpty());
            ArrayNode list = n.putArray("findings");
            for (LintFinding f : findings) {
                ObjectNode o = list.addObject();
                o.put("check", f.check());
                f.subjects().forEach(o.putArray("subjects")::add);
                o.put("message", f.message());
            }
            out().println(OpsJson.pretty(n));
        } else {
            findings.forEach(f -> out().println(f));
            tell("helpdesk-triage: " + name + (findings.isEmpty() ? ": nothing to report"
                    : ": " + findings.size() + " finding" + (findings.size() == 1 ? "" : "s")));
        }
        return findings.isEmpty() ? ExitCode.OK : ExitCode.REJECTED;
    }
}
