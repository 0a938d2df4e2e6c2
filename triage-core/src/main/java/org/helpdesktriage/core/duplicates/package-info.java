/**
 * API. Possible duplicates: {@link org.helpdesktriage.core.duplicates.DuplicateFinder} ranks
 * earlier tickets against a new one (BM25 over an English-analysed title and the start of the
 * description) and gives each candidate a
 * {@link org.helpdesktriage.core.duplicates.PossibleDuplicate} with a score in [0, 1] and the
 * reason it matched. See docs/duplicates.md.
 */
package org.helpdesktriage.core.duplicates;
