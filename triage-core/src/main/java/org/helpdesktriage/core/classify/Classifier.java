package org.helpdesktriage.core.classify;

import java.util.List;

/**
 * A trained text classifier, which predicts a ticket's category from its title and description
 * for routing ({@code TriageEngine.Builder.classifier}, {@code TriageEngine.classifier()}).
 *
 * <p>Not for implementation: models are trained by {@code helpdesk-triage train} and loaded from
 * the file a classifier policy names; the engine accepts no other.
 */
public interface Classifier {

    /** Returns the categories the classifier predicts, in a fixed order. */
    List<String> labels();
}
