package org.helpdesktriage.core.internal.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled condition. {@link #test} is the fast path: no allocation for explanations.
 * {@link #explain} is a separate path that says why the condition held or did not; both give the
 * same answer and short-circuit the same way.
 */
interface Node {

    /** Returns whether the condition holds for {@code facts}. */
    boolean test(Facts facts);

    /** Returns whether the condition holds, with the reason. */
    Trace explain(Facts facts);

    /** Returns the condition this node was compiled from. */
    Condition condition();

    /**
     * An explained result.
     *
     * @param held whether the condition held
     * @param text for a condition that held, what held; otherwise what failed and what it saw
     */
    record Trace(boolean held, String text) {
    }

    /** Every child holds. */
    final class AllNode implements Node {
        private final Condition condition;
        private final Node[] children;

        AllNode(Condition condition, List<Node> children) {
            this.condition = condition;
            this.children = children.toArray(new Node[0]);
        }

        @Override
        public boolean test(Facts facts) {
            for (Node child : children) {
                if (!child.test(facts)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Trace explain(Facts facts) {
            List<String> held = new ArrayList<>(children.length);
            for (int i = 0; i < children.length; i++) {
                Trace t = children[i].explain(facts);
                if (!t.held()) {
                    return new Trace(false, "all[" + i + "]: " + t.text());
                }
                held.add(t.text());
            }
            return new Trace(true, "all of [" + String.join(", ", held) + "]");
        }

        @Override
        public Condition condition() {
            return condition;
        }
    }

    /** At least one child holds. */
    final class AnyNode implements Node {
        private final Condition condition;
        private final Node[] children;

        AnyNode(Condition condition, List<Node> children) {
            this.condition = condition;
            this.children = children.toArray(new Node[0]);
        }

        @Override
        public boolean test(Facts facts) {
            for (Node child : children) {
                if (child.test(facts)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Trace explain(Facts facts) {
            List<String> failed = new ArrayList<>(children.length);
            for (int i = 0; i < children.length; i++) {
                Trace t = children[i].explain(facts);
                if (t.held()) {
                    return new Trace(true, "any[" + i + "]: " + t.text());
                }
                failed.add(t.text());
            }
            return new Trace(false, "any: none of " + children.length + " conditions held"
                    + (failed.isEmpty() ? "" : ": " + String.join("; ", failed)));
        }

        @Override
        public Condition condition() {
            return condition;
        }
    }

    /** No child holds. */
    final class NoneNode implements Node {
        private final Condition condition;
        private final Node[] children;

        NoneNode(Condition condition, List<Node> children) {
            this.condition = condition;
            this.children = children.toArray(new Node[0]);
        }

        @Override
        public boolean test(Facts facts) {
            for (Node child : children) {
                if (child.test(facts)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Trace explain(Facts facts) {
            for (int i = 0; i < children.length; i++) {
                Trace t = children[i].explain(facts);
                if (t.held()) {
                    return new Trace(false, "none[" + i + "]: " + t.text() + " held");
                }
            }
            return new Trace(true, condition.toString());
        }

        @Override
        public Condition condition() {
            return condition;
        }
    }
}
