/**
 * API. The configuration: {@link org.helpdesktriage.core.config.ConfigLoader} reads its layers
 * (defaults, file and rule files, HELPDESK_* variables, overrides), validates every problem at
 * once, and gives a {@link org.helpdesktriage.core.config.TriageConfig} and its fingerprint.
 */
package org.helpdesktriage.core.config;
