package org.helpdesktriage.core.internal.output;

import java.util.List;

/**
 * What CSV columns depend on beyond the fields: the score's components, each a column of its
 * own, whether explanations are written, and whether a shadow configuration's decision is.
 *
 * @param scoreComponents the names of the score's components, in order
 * @param explain whether an explanation column is written
 * @param shadow whether the {@code shadow_*} columns are written
 * @param assignment whether the {@code routing_assignee} and {@code routing_assignment_*}
 *     columns are written (the configuration has agents)
 */
record CsvLayout(List<String> scoreComponents, boolean explain, boolean shadow,
        boolean assignment) {

    CsvLayout {
        scoreComponents = List.copyOf(scoreComponents);
    }
}
