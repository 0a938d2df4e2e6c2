package org.helpdesktriage.core.internal.evaluate;

/**
 * One row of a reliability table: predictions whose confidence falls in [{@code from},
 * {@code to}), their count, mean confidence and accuracy. Calibrated means the two agree.
 *
 * @param from lower bound of the confidence, inclusive
 * @param to upper bound, exclusive (inclusive for the last bin)
 * @param count number of predictions in the bin
 * @param meanConfidence mean confidence in the bin; 0 when empty
 * @param accuracy share right in the bin; 0 when empty
 */
public record ReliabilityBin(double from, double to, long count, double meanConfidence,
        double accuracy) {}
