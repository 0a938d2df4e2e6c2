/**
 * The front door of the library: {@link org.helpdesktriage.core.TriageEngine} triages one ticket
 * or a batch ({@link org.helpdesktriage.core.BatchTriage}), and a {@link
 * org.helpdesktriage.core.TriageResult} says what was decided and why.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder()
 *         .config(ConfigLoader.load(Path.of("config.json")))
 *         .build();
 * TriageOutcome outcome = engine.triageJson(json);
 * }</pre>
 */
package org.helpdesktriage.core;
