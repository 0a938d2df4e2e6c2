package org.helpdesktriage.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.helpdesktriage.core.config.ConfigLoader.SettingOwner;
import org.helpdesktriage.core.config.TriageConfig;
import org.slf4j.LoggerFactory;

/**
 * The log of one command run, written by logback to the command's standard error. The level
 * comes from {@code -v} (DEBUG), {@code -q} (ERROR) or the configuration's {@code log_level};
 * since the configuration is itself loaded (and logs where it came from) before its level is
 * known, events are held until {@link #level} is called, then written if they pass it.
 */
final class Logging extends AppenderBase<ILoggingEvent> {

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN",
            "ERROR");

    /**
     * The owner of the configuration's {@code log_level}: one of {@link #LEVELS}, in any case,
     * written in upper case.
     */
    static final SettingOwner LEVEL = new SettingOwner("log_level", value -> {
        String level = value.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("log_level '" + value + "' is not one of "
                    + String.join(", ", LEVELS));
        }
        return level;
    });

    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private final PrintWriter err;
    private final PatternLayout layout = new PatternLayout();
    private final List<ILoggingEvent> held = new ArrayList<>();
    private final Logger root;
    private Level threshold;

    private Logging(PrintWriter err) {
        this.err = err;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        setContext(context);
        setName("helpdesk-triage");
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
    }

    /**
     * Returns the configuration's log level, as {@link #LEVEL} reads it; the built-in default
     * when the configuration carries none.
     */
    static String level(TriageConfig config) {
        return LEVEL.read(config.moduleSettings())
                .or(() -> LEVEL.read(TriageConfig.defaults().moduleSettings())).orElseThrow();
    }

    /** Routes the log to {@code err}, holding every event until the level is known. */
    static Logging start(PrintWriter err) {
        Logging logging = new Logging(err);
        logging.start();
        logging.root.detachAndStopAllAppenders();
        logging.root.addAppender(logging);
        logging.root.setLevel(Level.DEBUG);
        return logging;
    }

    /** Sets the level (TRACE, DEBUG, INFO, WARN or ERROR) and writes what was held and passes. */
    synchronized void level(String name) {
        threshold = Level.toLevel(name, Level.INFO);
        root.setLevel(threshold);
        // stack traces, and the pool's and driver's own reports of a lost database, are for
        // developers: -v shows them; otherwise the one error line says what happened
        boolean verbose = Level.DEBUG.isGreaterOrEqual(threshold);
        layout.stop();
        layout.setPattern(verbose ? PATTERN : PATTERN.replace("%n", "%n%nopex"));
        layout.start();
        for (String quiet : new String[] {"com.zaxxer.hikari", "org.postgresql"}) {
            ((LoggerContext) getContext()).getLogger(quiet)
                    .setLevel(verbose ? null : Level.OFF);
        }
        held.stream().filter(e -> e.getLevel().isGreaterOrEqual(threshold)).forEach(this::write);
        held.clear();
        err.flush();
    }

    /** Writes what is still held at {@code fallback} when no level was set, and detaches. */
    synchronized void finish(String fallback) {
        if (threshold == null) {
            level(fallback);
        }
        err.flush();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (threshold == null) {
            event.prepareForDeferredProcessing();
            held.add(event);
        } else if (event.getLevel().isGreaterOrEqual(threshold)) {
            write(event);
        }
    }

    private void write(ILoggingEvent event) {
        err.print(layout.doLayout(event));
    }
}
