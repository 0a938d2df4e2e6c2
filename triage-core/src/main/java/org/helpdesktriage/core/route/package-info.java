/**
 * API. A ticket's route as decided ({@link org.helpdesktriage.core.route.Routing}) and the model
 * prediction routing consumes ({@link org.helpdesktriage.core.route.ModelPrediction}). The
 * router itself is in {@code core.internal.route}.
 */
package org.helpdesktriage.core.route;
