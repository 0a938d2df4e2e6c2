package org.helpdesktriage.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code rule_files}: a path or glob relative to the configuration's folder, written
 * as a string, or as {@code {"path": "../shared/*.json", "allow_outside": true}} when it leaves
 * that folder ({@code ..}, an absolute path), which is refused without the explicit
 * {@code allow_outside}.
 *
 * @param path the path or glob
 * @param allowOutside whether the entry may name files outside the configuration's folder
 */
record RuleFileEntry(@JsonProperty("path") String path,
        @JsonProperty("allow_outside") Boolean allowOutside) {

    /** Reads the short form, a string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RuleFileEntry of(String path) {
        return new RuleFileEntry(path, false);
    }

    /** Reads the long form, an object. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    RuleFileEntry {
    }

    /** Returns whether the entry may leave the configuration's folder. */
    boolean outsideAllowed() {
        return Boolean.TRUE.equals(allowOutside);
    }
}
