package org.helpdesktriage.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads ages such as 90d, 12h, 30m or an ISO-8601 duration (PT6H), up to 36500 days: an
 * age that long reaches back past any ticket, and a longer one cannot be subtracted from a
 * date.
 */
final class AgeConverter implements ITypeConverter<Duration> {
    private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");
    static final Duration MAX_AGE = Duration.ofDays(36_500);

    @Override
    public Duration convert(String value) {
        Duration age = parse(value);
        if (age.compareTo(MAX_AGE) > 0) {
            throw new TypeConversionException("'" + value + "' is too long an age; the "
                    + "longest is 36500d (100 years)");
        }
        return age;
    }

    private static Duration parse(String value) {
        Matcher m = AGE.matcher(value.trim().toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                if (m.group(1).length() > 18) {
                    return Duration.ofSeconds(Long.MAX_VALUE);
                }
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "d":
                        return Duration.ofDays(n);
                    case "h":
                        return Duration.ofHours(n);
                    default:
                        return Duration.ofMinutes(n);
                }
            }
            Duration d = Duration.parse(value.trim());
            if (d.isNegative()) {
                throw new TypeConversionException("'" + value + "' is a negative age");
            }
            return d;
        } catch (ArithmeticException e) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        } catch (TypeConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ArithmeticException) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
            throw new TypeConversionException("'" + value
                    + "' is not an age; use for example 90d, 12h or 30m");
        }
    }
}
