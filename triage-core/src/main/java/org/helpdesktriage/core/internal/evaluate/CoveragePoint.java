package org.helpdesktriage.core.internal.evaluate;

/**
 * One point of a precision/coverage curve: keeping only predictions whose confidence is at
 * least {@code threshold} keeps {@code coverage} of the tickets, and {@code precision} of the
 * kept ones are right.
 *
 * @param threshold the least confidence kept
 * @param coverage share of examples kept, in [0, 1]
 * @param precision share of kept examples predicted right; 0 when none is kept
 * @param kept number of examples kept
 */
public record CoveragePoint(double threshold, double coverage, double precision, long kept) {}
