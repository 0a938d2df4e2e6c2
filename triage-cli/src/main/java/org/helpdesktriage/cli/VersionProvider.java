package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the program version that the build wrote into {@code helpdesk-triage.properties}. */
final class VersionProvider implements IVersionProvider {

    /** Returns the program version, or "unknown" outside a packaged build. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(
                "/helpdesk-triage.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"helpdesk-triage " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ")"};
    }
}
