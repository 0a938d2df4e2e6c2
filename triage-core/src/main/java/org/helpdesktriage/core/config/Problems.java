package org.helpdesktriage.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * Where the loader's checks report what is wrong: loading stops at the first problem (a
 * {@link TriageException}), validating collects every one and goes on with the next check.
 */
final class Problems {

    private final boolean collect;
    private final List<String> found = new ArrayList<>();

    private Problems(boolean collect) {
        this.collect = collect;
    }

    /** Returns problems that throw at the first, as loading needs. */
    static Problems failFast() {
        return new Problems(false);
    }

    /** Returns problems that are collected, as validating needs. */
    static Problems collecting() {
        return new Problems(true);
    }

    /** Returns whether problems are collected rather than thrown. */
    boolean collects() {
        return collect;
    }

    /** Reports a problem: throws it when failing fast, else keeps its message. */
    void report(TriageException problem) {
        if (!collect) {
            throw problem;
        }
        found.add(problem.getMessage());
    }

    /** Reports a problem with this message. */
    void report(String message) {
        report(new TriageException(ErrorCode.CONFIG_INVALID, message));
    }

    /**
     * Runs a check and returns its value; a problem it throws is reported, and then
     * {@code fallback} is returned so that the checks that do not depend on it go on.
     */
    <T> T check(Supplier<T> step, T fallback) {
        try {
            return step.get();
        } catch (TriageException e) {
            report(e);
            return fallback;
        }
    }

    /** Runs a check that returns nothing; see {@link #check(Supplier, Object)}. */
    void check(Runnable step) {
        check(() -> {
            step.run();
            return null;
        }, null);
    }

    /** Returns how many problems were reported. */
    int count() {
        return found.size();
    }

    /** Returns the problems reported, in the order they were found. */
    List<String> found() {
        return List.copyOf(found);
    }
}
