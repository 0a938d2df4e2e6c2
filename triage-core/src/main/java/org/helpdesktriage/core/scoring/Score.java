package org.helpdesktriage.core.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A ticket's score and the components it is made of.
 *
 * @param total the weighted score, in [0, 1]
 * @param components each component, in report order
 */
public record Score(double total, List<Component> components) {

    /** Checks the total and copies the components. */
    public Score {
        if (!(total >= 0.0 && total <= 1.0)) {
            throw new IllegalArgumentException("score total " + total + " is outside [0, 1]");
        }
        components = List.copyOf(components);
    }

    /**
     * One part of a score.
     *
     * @param name the component's name ({@code priority}, {@code urgency})
     * @param points the raw points
     * @param value the points normalised to [0, 1]
     * @param weight the component's weight
     */
    public record Component(String name, double points, double value, double weight) {

        /** Checks the name. */
        public Component {
            Objects.requireNonNull(name, "name");
        }
    }
}
