package org.helpdesktriage.core.internal.ingest.fields;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value checks and conversions of normalisation, written by hand: they run on every field
 * of every record, so they avoid regular expressions and allocate only when a value changes.
 */
public final class FieldChecks {

    /** Longest text a number in a text field may become. */
    public static final int MAX_NUMBER_TEXT = 1_000;

    /** Longest part of a bad value quoted in a message. */
    public static final int QUOTE_LIMIT = 60;

    private FieldChecks() {
    }

    /** Returns whether {@code id} is non-empty and holds only A-Z, 0-9 and '-'. */
    public static boolean isTicketId(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether {@code s} is {@code local@domain.tld}: local of letters, digits and
     * {@code ._%+-}; domain of letters, digits, {@code .} and {@code -}; a TLD of two or more
     * letters. The same language as the original's
     * {@code ^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$}.
     */
    public static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@')) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && "._%+-".indexOf(c) < 0) {
                return false;
            }
        }
        int dot = s.lastIndexOf('.');
        if (dot <= at + 1 || s.length() - dot - 1 < 2) {
            return false;
        }
        for (int i = at + 1; i < dot; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        for (int i = dot + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Returns {@code s} trimmed, with every run of whitespace turned into one space; returns
     * {@code s} itself when nothing changes.
     */
    public static String collapse(String s) {
        int n = s.length();
        boolean previousBlank = true;
        boolean needed = false;
        for (int i = 0; i < n && !needed; i++) {
            char c = s.charAt(i);
            if (isBlankChar(c)) {
                needed = c != ' ' || previousBlank;
                previousBlank = true;
            } else {
                previousBlank = false;
            }
        }
        if (!needed && !(n > 0 && previousBlank)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isBlankChar(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Returns the number of characters (code points) of {@code s}. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Returns a string or number as text (123 as "123", 12.0 as "12"), or null for any other
     * value (boolean, list, object).
     */
    public static String scalarText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (v instanceof BigDecimal b) {
            // 1e999999999 has a billion digits written out: refuse rather than write them
            long digits = (long) b.precision() + Math.abs((long) b.scale());
            return digits > MAX_NUMBER_TEXT ? null : b.toPlainString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return null;
    }

    /**
     * The forms {@link #parseInstant(String, ZoneId)} reads beyond its fast path: a date, then
     * optionally {@code T} or a space and a time with or without seconds and fraction, then
     * optionally a zone: {@code Z}, an offset ({@code +02:00}, {@code +0200}, {@code +02}),
     * {@code UTC} or {@code GMT}, or a region ({@code Europe/Paris}), with or without a space
     * before it. The forms that pandas, SQL and spreadsheet exports write.
     */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendZoneRegionId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /**
     * Returns a timestamp read in one of the common forms: ISO-8601 with {@code T} or a space
     * ({@code 2026-11-20T10:00:00Z}, {@code 2026-11-20 10:00:00}, {@code 2026-11-20 10:00},
     * with a fraction, an offset, {@code UTC} or a region), or a date alone (the start of its
     * day). A timestamp without a zone is read in {@code zone}. Returns null for anything else.
     */
    public static Instant parseInstant(String text, ZoneId zone) {
        String s = text.strip();
        if (zone.equals(ZoneOffset.UTC)) {
            Instant fast = parseCommonForm(s);
            if (fast != null) {
                return fast;
            }
        }
        try {
            TemporalAccessor t = LENIENT.parse(s);
            LocalDate date = LocalDate.from(t);
            LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t)
                    : LocalTime.MIDNIGHT;
            ZoneId z = t.query(TemporalQueries.zone());
            return ZonedDateTime.of(date, time, z == null ? zone : z).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Returns {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z]} read without a formatter (the
     * {@code java.time} parsers cost about a microsecond a call), or null for any other form, or
     * an impossible date, which the full parsers then judge.
     */
    private static Instant parseCommonForm(String s) {
        int n = s.length();
        boolean zulu = n > 0 && s.charAt(n - 1) == 'Z';
        int end = zulu ? n - 1 : n;
        if (end < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (end > 19) {
            int fractionDigits = end - 20;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(s, 20, end);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12
                || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // 30 February and the like
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second,
                nanos);
    }

    /** Returns the decimal number in {@code s[from, to)}, or -1 if it holds a non-digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Returns the first {@code n} characters of {@code s} (all of it when shorter), one fewer
     * when the last would be the first half of a surrogate pair: a cut never leaves half a
     * character, which no UTF-8 file can hold.
     */
    public static String cut(CharSequence s, int n) {
        int end = Math.min(n, s.length());
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    /** Returns {@code s} cut at {@link #QUOTE_LIMIT} characters, with "..." when cut. */
    public static String clip(String s) {
        return s.length() > QUOTE_LIMIT ? cut(s, QUOTE_LIMIT) + "..." : s;
    }

    /** Returns a value as it is quoted in messages: in single quotes, cut at 60 characters. */
    public static String quote(Object v) {
        String s = String.valueOf(v);
        if (s.length() > QUOTE_LIMIT) {
            s = cut(s, QUOTE_LIMIT) + "...";
        }
        return "'" + escapeControls(s) + "'";
    }

    /**
     * Returns {@code s} with every control character written as a backslash, u and four hex
     * digits, so that a message, a reject record or a dead letter quoting a value never carries a
     * NUL (which PostgreSQL text refuses) or a terminal escape.
     */
    public static String escapeControls(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Returns what kind of JSON value {@code v} is, for messages ("a number"). */
    public static String kind(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
