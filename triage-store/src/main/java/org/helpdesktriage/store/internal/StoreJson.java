package org.helpdesktriage.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.helpdesktriage.core.model.InputLimits;

/** The data directory's JSON mapper: duplicate keys and trailing tokens are refused. */
public final class StoreJson {

    /** Reads and writes stored files: duplicate keys and trailing tokens are refused. */
    // configured once here and never changed, so it is safe to share between threads
    // reads within the store's limits, at least every input limit's ceiling (InputLimits), so a
    // dead letter or audit line holding any record a configuration let in reads back
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(InputLimits.storeReadConstraints()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Turns values into trees as they are (a double stays a double, not a decimal). */
    public static final ObjectMapper VALUES = new ObjectMapper();

    private StoreJson() {
    }
}
