/**
 * Small programs that embed the library the way a user would: on the module path, so they can
 * reach only the packages the library exports (its API), never an internal one.
 */
module org.helpdesktriage.examples {
    requires org.helpdesktriage.core;
    // TicketGenerator streams with the Jackson core generator
    requires com.fasterxml.jackson.core;
    // Not org.helpdesktriage.store: no example uses it yet (its descriptor exports the
    // store and store.provider packages only; docs/architecture.md)
}
