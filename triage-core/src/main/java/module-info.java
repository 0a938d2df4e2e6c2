/**
 * The helpdesk-triage library: ingest, rules, routing, scoring, SLA, escalation and the engine
 * front door ({@link org.helpdesktriage.core.TriageEngine}).
 *
 * <p>The unqualified exports are the API. Packages with an {@code internal} segment are not API;
 * a few are exported, by name only, to this project's own modules that need them (the store, the
 * command line and the streams app), as docs/architecture.md lists with the reason for each.
 * Lucene (duplicate look-ups) names its modules. RE2/J and liblinear have no module descriptor nor an {@code Automatic-Module-Name}: they are
 * required by the automatic names derived from their jar file names, which are stable.
 */
module org.helpdesktriage.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires re2j;
    requires liblinear;
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;

    exports org.helpdesktriage.core;
    exports org.helpdesktriage.core.assign;
    exports org.helpdesktriage.core.classify;
    exports org.helpdesktriage.core.config;
    exports org.helpdesktriage.core.duplicates;
    exports org.helpdesktriage.core.error;
    exports org.helpdesktriage.core.escalation;
    exports org.helpdesktriage.core.ingest;
    exports org.helpdesktriage.core.job;
    exports org.helpdesktriage.core.model;
    exports org.helpdesktriage.core.route;
    exports org.helpdesktriage.core.rules;
    exports org.helpdesktriage.core.scoring;
    exports org.helpdesktriage.core.sla;
    exports org.helpdesktriage.core.store;

    // the one way to write a file (temp, fsync, rename) and the ticket JSON the stores keep
    exports org.helpdesktriage.core.internal.io to org.helpdesktriage.store, org.helpdesktriage.cli;
    // result and reject writers per format: the triage command and the streams app write them
    exports org.helpdesktriage.core.internal.output
            to org.helpdesktriage.cli, org.helpdesktriage.streams;
    // training, evaluation, backtest and lint: tools of the command line only
    exports org.helpdesktriage.core.internal.classify to org.helpdesktriage.cli;
    exports org.helpdesktriage.core.internal.evaluate to org.helpdesktriage.cli;
    exports org.helpdesktriage.core.internal.lint to org.helpdesktriage.cli;

    // Jackson binds the configuration file and rule definitions to records by reflection
    opens org.helpdesktriage.core.config to com.fasterxml.jackson.databind;
    opens org.helpdesktriage.core.rules to com.fasterxml.jackson.databind;
}
