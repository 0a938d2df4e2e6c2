package org.helpdesktriage.core.internal.evaluate;

import java.util.Locale;
import org.helpdesktriage.core.route.Routing;

/** The routing field an evaluation compares with each ticket's label. */
public enum RoutedField {
    /** The routed category. */
    CATEGORY,
    /** The team the ticket is assigned to. */
    ASSIGNED_TO,
    /** The priority after routing. */
    PRIORITY;

    /** Returns the field's value in a routing. */
    public String of(Routing routing) {
        return switch (this) {
            case CATEGORY -> routing.category();
            case ASSIGNED_TO -> routing.assignedTo();
            case PRIORITY -> routing.priority().id();
        };
    }

    /** Returns the field's name in results ({@code assigned_to}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
