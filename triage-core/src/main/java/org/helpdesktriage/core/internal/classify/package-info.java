/**
 * Not API. The text classifier that can route beside the rules: its training, its versioned
 * model file and its predictions. Exported to the command line only ({@code train},
 * {@code evaluate}).
 */
package org.helpdesktriage.core.internal.classify;
