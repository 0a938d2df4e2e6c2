package org.helpdesktriage.core.ingest;

import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.model.InputLimits;

/** The rejection of a record longer than {@code max_record_length}, which no reader holds. */
final class Oversize {

    /** How much of a skipped record's start its rejection keeps, to tell which record it was. */
    static final int KEPT = 200;

    private Oversize() {
    }

    /** Returns the unparseable record for a skipped one whose text began with {@code start}. */
    static RawRecord record(SourcePosition pos, CharSequence start, long length,
            InputLimits limits) {
        String kept = FieldChecks.cut(start, KEPT) + "...";
        return RawRecord.unparseable(pos, kept, "the record is " + length
                + " characters long, over the limit of " + limits.maxRecordLength()
                + " (max_record_length); it was skipped");
    }
}
