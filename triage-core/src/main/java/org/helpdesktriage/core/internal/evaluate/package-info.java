/**
 * Not API. Labelled history measured: routing quality (accuracy, per-class figures,
 * cross-validation, decision policies side by side) and backtests of a configuration change.
 * Exported to the command line only.
 */
package org.helpdesktriage.core.internal.evaluate;
