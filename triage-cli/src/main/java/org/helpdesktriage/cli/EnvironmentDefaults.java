package org.helpdesktriage.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes an option's default from the environment: {@code --parallelism} from
 * {@code HELPDESK_PARALLELISM}. Configuration keys have their own variables, read by the
 * configuration loader; this provider covers the command line's own options, so the order is
 * built-in default < environment < command line.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> variables;

    EnvironmentDefaults(Map<String, String> variables) {
        this.variables = variables;
    }

    /** Returns the environment variable that sets an option ({@code HELPDESK_PARALLELISM}). */
    static String variableOf(OptionSpec option) {
        String name = option.longestName().replaceFirst("^-+", "");
        return "HELPDESK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp()) {
            String value = variables.get(variableOf(option));
            if (value != null) {
                return value;
            }
        }
        return arg.defaultValue();
    }
}
