/**
 * Small programs that embed the library the way a user would: on the module path, so they can
 * reach only the packages the library exports (its API), never an internal one.
 */
module org.helpdesktriage.examples {
    requires org.helpdesktriage.core;
    // TicketGenerator streams with the Jackson core generator
    requires com.fasterxml.jackson.core;
    // Not org.helpdesktriage.store yet: no example uses it, and as an automatic module it is
    // named only by its jar's manifest, so a build that stops before packaging (./mvnw test)
    // finds a nameless target/classes. Require it once the store has a module-info.java.
}
