package org.helpdesktriage.store;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one health check: passed, passed with a warning, or failed.
 *
 * <p>A warning is something an operator should know of that is not damage: a leftover of an
 * interrupted run that the next writer removes, a lock file naming a process that does not hold
 * the lock, an audit line cut short that the next writer repairs. Warnings keep a data directory
 * healthy ({@link #healthy}); failures do not.
 *
 * @param name what was checked ("disk space")
 * @param ok whether it passed (a warning passes)
 * @param detail what was found, as a sentence fragment
 * @param warning whether it passed with a warning; never true when {@code ok} is false
 */
public record HealthCheck(String name, boolean ok, String detail, boolean warning) {

    /** Checks the arguments. */
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (warning && !ok) {
            throw new IllegalArgumentException("check '" + name + "' cannot both fail and warn");
        }
    }

    /** Creates a check that passed or failed, without a warning. */
    public HealthCheck(String name, boolean ok, String detail) {
        this(name, ok, detail, false);
    }

    /** Returns a check that passed with a warning. */
    public static HealthCheck warn(String name, String detail) {
        return new HealthCheck(name, true, detail, true);
    }

    /** Returns whether every check passed (with or without a warning). */
    public static boolean healthy(List<HealthCheck> checks) {
        return checks.stream().allMatch(HealthCheck::ok);
    }

    /** Returns whether some check passed with a warning. */
    public static boolean hasWarnings(List<HealthCheck> checks) {
        return checks.stream().anyMatch(HealthCheck::warning);
    }

    /** Describes the check: "ok   disk space: 5120 MiB free", "WARN lock: ...", "FAIL ...". */
    @Override
    public String toString() {
        return (!ok ? "FAIL " : warning ? "WARN " : "ok   ") + name + ": " + detail;
    }
}
