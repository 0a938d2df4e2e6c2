package org.helpdesktriage.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The data directory's JSON mapper: duplicate keys and trailing tokens are refused. */
final class StoreJson {

    // configured once here and never changed, so it is safe to share between threads
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StoreJson() {
    }
}
