package org.helpdesktriage.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restore would do, found without writing anything.
 *
 * @param tickets how many tickets the archive holds
 * @param backup whether the archive is a backup (checked by its checksums) rather than a
 *     plain tar (checked by parsing every file)
 * @param notes what a restore would leave out or repair
 * @param changes per kind of file ({@code tickets}, {@code runs}, {@code dead_letters},
 *     {@code audit}, {@code other}): how many the restore would add, change or remove
 *     ({@code tickets_added}) and how many it would leave as they are
 *     ({@code tickets_unchanged}), by content
 */
public record RestorePlan(int tickets, boolean backup, List<String> notes,
        Map<String, Long> changes) {

    /** Copies the notes and the changes. */
    public RestorePlan {
        notes = List.copyOf(notes);
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
