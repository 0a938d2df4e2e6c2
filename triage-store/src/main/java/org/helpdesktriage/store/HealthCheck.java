package org.helpdesktriage.store;

import java.util.Objects;

/**
 * The outcome of one health check.
 *
 * @param name what was checked ("disk space")
 * @param ok whether it passed
 * @param detail what was found, as a sentence fragment
 */
public record HealthCheck(String name, boolean ok, String detail) {

    /** Checks the arguments. */
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return (ok ? "ok   " : "FAIL ") + name + ": " + detail;
    }
}
