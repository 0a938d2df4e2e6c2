/**
 * API. A ticket's route as decided ({@link org.helpdesktriage.core.route.Routing}), the model
 * prediction routing consumes ({@link org.helpdesktriage.core.route.Routing.ModelPrediction})
 * and the decision policy as configured ({@link org.helpdesktriage.core.route.ClassifierPolicy}),
 * and priority as impact by urgency ({@link org.helpdesktriage.core.route.PriorityMatrix}).
 * The router itself is in {@code core.internal.route}.
 */
package org.helpdesktriage.core.route;
