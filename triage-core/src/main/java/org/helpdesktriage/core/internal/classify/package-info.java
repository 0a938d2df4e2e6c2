/**
 * The text classifier that can route beside the rules: its training, its versioned model file and
 * its predictions.
 */
package org.helpdesktriage.core.internal.classify;
