package org.helpdesktriage.archfixture.indirect;

/** A planted engine that saves through a helper, for ArchitectureTest: the rule must find it. */
public final class TriageEngine {

    private final Saver saver = new Saver();

    /** Returns the helper that would save what it decides. */
    public Saver saver() {
        return saver;
    }
}
