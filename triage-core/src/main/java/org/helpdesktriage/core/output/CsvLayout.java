package org.helpdesktriage.core.output;

import java.util.List;

/**
 * What CSV columns depend on beyond the fields: the score's components, each a column of its
 * own, and whether explanations are written.
 *
 * @param scoreComponents the names of the score's components, in order
 * @param explain whether an explanation column is written
 */
record CsvLayout(List<String> scoreComponents, boolean explain) {

    CsvLayout {
        scoreComponents = List.copyOf(scoreComponents);
    }
}
