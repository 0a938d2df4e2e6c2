/**
 * Small programs that embed the library the way a user would: on the module path, so they can
 * reach only the packages the library exports (its API), never an internal one.
 */
module org.helpdesktriage.examples {
    requires org.helpdesktriage.core;
    // TicketGenerator streams with the Jackson core generator
    requires com.fasterxml.jackson.core;
    // DataDirectoryExample keeps tickets in a data directory: through the store's provider,
    // the only packages its descriptor exports besides the store's API
    requires org.helpdesktriage.store;
}
