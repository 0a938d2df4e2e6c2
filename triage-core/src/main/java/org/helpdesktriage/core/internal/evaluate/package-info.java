/**
 * Labelled history measured: routing quality (accuracy, per-class figures, cross-validation,
 * decision policies side by side) and backtests of a configuration change.
 */
package org.helpdesktriage.core.internal.evaluate;
