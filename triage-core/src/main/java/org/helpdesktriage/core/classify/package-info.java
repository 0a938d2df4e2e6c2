/**
 * API. The trained classifier as an embedder holds it
 * ({@link org.helpdesktriage.core.classify.Classifier}). Training, the model files and
 * prediction are in {@code core.internal.classify}.
 */
package org.helpdesktriage.core.classify;
