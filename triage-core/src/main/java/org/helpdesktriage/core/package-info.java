/**
 * API. The front door of the library: {@link org.helpdesktriage.core.TriageEngine} triages one
 * ticket or a batch ({@link org.helpdesktriage.core.BatchTriage}), and a {@link
 * org.helpdesktriage.core.TriageResult} says what was decided and why. The engine keeps nothing;
 * a {@link org.helpdesktriage.core.StoringStep} after it stores what it decided.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder()
 *         .config(ConfigLoader.load(Path.of("config.json")))
 *         .build();
 * TriageOutcome outcome = engine.triageJson(json);
 * StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit).build();
 * storing.save(outcome);
 * }</pre>
 */
package org.helpdesktriage.core;
