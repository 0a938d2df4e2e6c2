/**
 * API. Assignment to people: the agents of a roster, the strategy that picks one of a team's
 * available agents for a ticket ({@link org.helpdesktriage.core.assign.AssignmentStrategy}: round
 * robin, least loaded, or a custom one), and the ledger that keeps agents' loads and last
 * assignments between runs ({@link org.helpdesktriage.core.assign.AgentLedger}).
 */
package org.helpdesktriage.core.assign;
