/**
 * The {@code helpdesk-triage} command line: options in, one library call, an exit code out. Not
 * API.
 */
package org.helpdesktriage.cli;
