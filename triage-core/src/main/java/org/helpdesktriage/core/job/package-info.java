/**
 * API. The library's use cases, one call each, as the command line runs them: {@link
 * org.helpdesktriage.core.job.TriageJob} triages an input into an output and a rejects file
 * (atomically, with a storing step, a stop and a listener for dead letters and metrics). An
 * application that embeds the library calls these rather than repeating the command line's
 * plumbing.
 */
package org.helpdesktriage.core.job;
