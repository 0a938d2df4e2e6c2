package org.helpdesktriage.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The option that fixes the time a command runs at, so that any run can be reproduced. */
final class NowOption {

    @Option(names = "--now", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Runs as if it were TIME: an ISO-8601 instant (2026-11-23T09:00:00Z), "
                    + "a date-time with an offset, or a date-time or date taken as UTC. Every "
                    + "timestamp, age, due time and updated_at reads it. Default: the system clock.")
    Instant now;

    /** Returns the clock of this run: fixed at --now, else {@code system}. */
    Clock clock(Clock system) {
        return now == null ? system : Clock.fixed(now, ZoneOffset.UTC);
    }

    /** Reads the forms of a point in time that --now and the time options accept. */
    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim();
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw new TypeConversionException("'" + value + "' is not a time; use an"
                                + " ISO-8601 instant such as 2026-11-23T09:00:00Z");
                    }
                }
            }
        }
    }
}
