package org.helpdesktriage.archfixture.leak.internal;

/** Planted: an implementation type that the planted API below names in its signatures. */
public final class Hidden {
}
