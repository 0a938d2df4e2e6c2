package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows the effective configuration, and where each of its values came from. */
@Command(name = "show", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints the effective configuration as the commands see it: the "
                + "built-in defaults, then the file (with its rule files), then the HELPDESK_* "
                + "environment, then --set. store_url and db_password_file are never printed.",
            "With --sources, a table of every value and where it came from: default, file "
                + "(path and line), environment (the variable) or command line (--set)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration was printed", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration is invalid"})
final class ConfigShowCommand extends AbstractCommand {

    private static final String NOT_SHOWN = "(not shown)";

    @Option(names = "--sources",
            description = "Prints each value with where it came from, instead of the JSON.")
    boolean sources;

    @Option(names = "--json",
            description = "With --sources: a JSON object of key to {value, source}.")
    boolean json;

    @Option(names = "--fingerprint",
            description = "Prints only the configuration's fingerprint, the config_fingerprint "
                    + "of the results it makes.")
    boolean fingerprint;

    @Override
    void validate() {
        super.validate();
        if (fingerprint && (sources || json)) {
            throw usage("--fingerprint prints the fingerprint alone; leave out --sources and "
                    + "--json");
        }
        if (json && !sources) {
            throw usage("--json goes with --sources (the configuration itself is JSON)");
        }
    }

    @Override
    ExitCode execute() {
        TriageConfig config = config();
        if (fingerprint) {
            out().println(ConfigLoader.fingerprint(config));
            return ExitCode.OK;
        }
        ObjectNode effective = ConfigLoader.effectiveJson(config);
        if (!sources) {
            out().println(OpsJson.pretty(effective));
            return ExitCode.OK;
        }
        Map<String, String> where = ConfigLoader.sources(configOptions.file(),
                environment().variables(), configOptions.overrides, ConfigOptions.OWNERS);
        ObjectNode all = OpsJson.object();
        Table table = new Table("KEY", "SOURCE", "VALUE");
        where.forEach((key, source) -> {
            JsonNode value = valueOf(effective, key);
            if (json) {
                ObjectNode row = all.putObject(key);
                row.set("value", value);
                row.put("source", source);
            } else {
                table.row(key, source, value.isTextual() ? value.asText() : value.toString());
            }
        });
        if (json) {
            out().println(OpsJson.pretty(all));
        } else {
            table.print(out());
        }
        return ExitCode.OK;
    }

    // "scoring.weights" is a path; "rules[3] (vip)" is the fourth rule
    private static JsonNode valueOf(ObjectNode effective, String key) {
        JsonNode node;
        if (key.startsWith("rules[")) {
            node = effective.path("rules").path(Integer.parseInt(
                    key.substring("rules[".length(), key.indexOf(']'))));
        } else {
            node = effective;
            for (String part : key.split("\\.")) {
                node = node.path(part);
            }
        }
        return node.isMissingNode() ? OpsJson.object().textNode(NOT_SHOWN) : node;
    }
}
