/**
 * API. Rules as configured ({@link org.helpdesktriage.core.rules.RuleDefinition}), how many may
 * apply ({@link org.helpdesktriage.core.rules.MatchMode}) and one rule's evaluation in an
 * explained result ({@link org.helpdesktriage.core.rules.RuleDefinition.Evaluation}). Compiling and evaluating rules is in {@code core.internal.rules}.
 */
package org.helpdesktriage.core.rules;
