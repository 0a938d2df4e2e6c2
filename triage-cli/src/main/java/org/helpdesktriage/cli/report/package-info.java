/**
 * The HTML reports of {@code evaluate --report}, {@code backtest --report}, {@code sla report}
 * and {@code runs report}: one self-contained file each (inline SVG charts, each beside a table
 * of the same figures, inline CSS and script, no network request), rendered from Mustache
 * templates that escape every value. Not API.
 */
package org.helpdesktriage.cli.report;
