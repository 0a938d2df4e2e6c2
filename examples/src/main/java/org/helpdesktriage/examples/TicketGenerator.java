package org.helpdesktriage.examples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes realistic synthetic helpdesk tickets as JSON Lines, for benchmarks and load tests.
 *
 * <pre>
 * java -cp ... org.helpdesktriage.examples.TicketGenerator \
 *     --count 1000000 --seed 42 --out big.jsonl [--error-rate 0.01]
 * </pre>
 *
 * <p>The output depends only on the options: the same seed gives the same bytes. About 3% of
 * the tickets are account lockouts and 2% billing tickets that mention a payment, so the
 * default rules fire; no other ticket holds the words lock, locked, lockout or payment. With
 * {@code --error-rate}, that share of the records gets an invalid e-mail address or loses its
 * title; errors draw from their own random stream, so the valid records are the same whatever
 * the rate. Deliberately independent of triage-core, so it builds and runs on its own.
 */
public final class TicketGenerator {

    private static final long OCTOBER_2026 = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    private static final int OCTOBER_SECONDS = 31 * 24 * 3600;
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private static final String[] CATEGORIES = {
        "technical", "billing", "account", "feature", "bug", "general"};
    private static final String[][] THINGS = {
        {"VPN", "Wi-Fi", "email server", "file share", "CRM", "build server", "database",
            "intranet", "remote desktop", "API gateway", "backup job", "shared calendar"},
        {"invoice", "subscription", "renewal quote", "credit note", "VAT number", "seat count",
            "billing address", "annual plan", "refund", "purchase order"},
        {"password reset e-mail", "two-factor code", "user invitation", "admin role",
            "account owner", "profile e-mail", "SSO sign-in", "team membership", "API token"},
        {"dark mode", "CSV export", "bulk editing", "a Slack integration", "custom fields",
            "keyboard shortcuts", "saved filters", "an SLA timer", "calendar sync",
            "a German translation"},
        {"reply editor", "search", "ticket list", "report export", "clock widget",
            "attachment upload", "notification e-mail", "dashboard", "mobile app", "date picker"},
        {"the SLA", "support hours", "data retention", "training sessions", "our contract",
            "the roadmap", "GDPR", "the status page", "the user group", "office moves"}};
    private static final String[][] PROBLEMS = {
        {"is slow", "keeps disconnecting", "returns error 500", "stopped syncing", "times out",
            "is unreachable from home", "shows a certificate warning", "rejects connections"},
        {"shows the wrong amount", "was charged twice", "has not arrived", "needs a correction",
            "lists too many seats", "uses our old company name", "is missing the PO number"},
        {"never arrives", "does not work", "needs to change", "was removed by mistake",
            "has expired", "shows the wrong name", "cannot be accepted"},
        {"would save us hours", "is requested by several teams", "would help our night shift",
            "came up in our quarterly review", "is on our wish list"},
        {"crashes on save", "shows an error", "loses formatting", "shows the wrong time zone",
            "returns no results", "duplicates entries", "freezes", "ignores the filter"},
        {"needs clarifying", "came up in a meeting", "is unclear to our new staff",
            "is needed for an audit", "changed recently"}};
    private static final String[] TITLE_FORMS = {"%s %s", "%s %s", "Re: %s %s"};
    private static final String[] WHEN = {
        "this morning", "yesterday", "Monday", "the last update", "09:00", "the weekend",
        "the migration", "last week"};
    private static final String[] DETAILS = {
        "Restarting did not help.", "It worked fine until recently.",
        "Several colleagues see the same thing.", "Screenshots are attached.",
        "We use the latest version of Chrome.", "Our reference is 4471-B.",
        "Please let me know if you need logs.", "It happens roughly every other time."};
    private static final String[] URGENT = {
        "This is urgent.", "The whole team cannot work.", "Production is down.",
        "We had an outage this morning.", "The import failed twice.",
        "It shows an error every time.", "We are unable to continue.",
        "It is broken for everyone.", "This is an emergency for us.",
        "This is critical for our launch."};
    private static final String[] LOCKOUT_TITLES = {
        "Account locked after password reset", "Locked out of the portal",
        "Lockout after failed sign-ins", "User locked out of the admin console",
        "Cannot sign in: account locked"};
    private static final String[] PAYMENT_TITLES = {
        "Card declined on renewal", "Transfer not applied to the invoice",
        "Checkout stops at the last step", "Direct debit returned", "Renewal not confirmed"};
    /** Lockouts are filed as account, technical or general: the rule moves them to account. */
    private static final int[] LOCKOUT_CATEGORIES = {2, 2, 0, 5};
    private static final String[] PRIORITIES = {
        "low", "low", "low", "low", "medium", "medium", "medium", "medium", "medium", "medium",
        "medium", "medium", "high", "high", "high", "high", "high", "critical", "urgent",
        "normal"};
    private static final String[] CHANNELS = {"email", "web", "chat", "phone"};
    private static final String[] TIERS = {"free", "standard", "standard", "gold", "enterprise"};
    private static final String[][] TAGS = {
        {"network", "vpn", "performance", "server"}, {"invoice", "refund", "plan", "tax"},
        {"login", "2fa", "admin", "access"}, {"ui", "export", "integration", "reports"},
        {"editor", "search", "crash", "data"}, {"question", "docs", "policy", "training"}};

    private TicketGenerator() {
    }

    /**
     * Writes {@code count} tickets as JSON Lines to {@code out}, without closing it.
     *
     * @param count how many tickets
     * @param seed the random seed; the same seed writes the same bytes
     * @param errorRate the share of records, in [0, 1], given one invalid field
     * @param out where to write
     * @return how many records were given an invalid field
     * @throws IOException when {@code out} cannot be written
     */
    public static long generate(long count, long seed, double errorRate, OutputStream out)
            throws IOException {
        if (count < 0 || !(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException(
                    "count must be >= 0 and error rate in [0, 1], got " + count + ", " + errorRate);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        SplittableRandom errors = rnd.split();
        long bad = 0;
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        StringBuilder sb = new StringBuilder(512);
        for (long n = 1; n <= count; n++) {
            int kind = rnd.nextInt(100); // 0-2 lockout, 3-4 billing payment, else by category
            int cat = kind < 3 ? pickLockoutCategory(rnd) : kind < 5 ? 1 : rnd.nextInt(6);
            // title and description speak of the same thing and problem
            String thing = pick(rnd, THINGS[cat]);
            String problem = pick(rnd, PROBLEMS[cat]);
            String title = kind < 3 ? pick(rnd, LOCKOUT_TITLES)
                    : kind < 5 ? pick(rnd, PAYMENT_TITLES) : title(rnd, cat, thing, problem);
            String description = description(rnd, sb, kind, cat, thing, problem);
            int errorKind = errors.nextDouble() < errorRate ? 1 + errors.nextInt(2) : 0;
            bad += errorKind == 0 ? 0 : 1;

            g.writeStartObject();
            g.writeStringField("ticket_id", id(sb, n));
            if (errorKind != 2) {
                g.writeStringField("title", title);
            }
            g.writeStringField("description", description);
            sb.setLength(0);
            sb.append("user").append(rnd.nextInt(100_000)).append("@example")
                    .append(rnd.nextInt(100));
            g.writeStringField("requester_email", errorKind == 1 ? sb.toString()
                    : sb.append(".com").toString());
            int synonym = rnd.nextInt(100); // a few records use the synonyms tech, bill, error
            g.writeStringField("category", synonym == 0 && cat == 0 ? "tech"
                    : synonym == 0 && cat == 1 ? "bill" : synonym == 0 && cat == 4 ? "error"
                    : CATEGORIES[cat]);
            g.writeStringField("priority", pick(rnd, PRIORITIES));
            g.writeStringField("created_at", Instant.ofEpochSecond(
                    OCTOBER_2026 + rnd.nextInt(OCTOBER_SECONDS)).toString());
            g.writeArrayFieldStart("tags");
            int tags = 1 + rnd.nextInt(2);
            int first = rnd.nextInt(4);
            for (int t = 0; t < tags; t++) {
                g.writeString(TAGS[cat][(first + t) % 4]);
            }
            g.writeEndArray();
            g.writeStringField("channel", pick(rnd, CHANNELS));
            g.writeStringField("customer_tier", pick(rnd, TIERS));
            g.writeEndObject();
            g.writeRaw('\n');
        }
        g.flush();
        return bad;
    }

    private static int pickLockoutCategory(SplittableRandom rnd) {
        return LOCKOUT_CATEGORIES[rnd.nextInt(LOCKOUT_CATEGORIES.length)];
    }

    private static String title(SplittableRandom rnd, int cat, String thing, String problem) {
        if (cat == 3) {
            return "Please add " + thing;
        }
        if (cat == 5) {
            return "Question about " + thing;
        }
        String form = pick(rnd, TITLE_FORMS);
        String head = Character.toUpperCase(thing.charAt(0)) + thing.substring(1);
        return form.startsWith("%") ? head + " " + problem
                : form.substring(0, form.indexOf('%')) + thing + " " + problem;
    }

    private static String description(SplittableRandom rnd, StringBuilder sb, int kind, int cat,
            String thing, String problem) {
        sb.setLength(0);
        String when = pick(rnd, WHEN);
        if (kind < 3) {
            sb.append("Since ").append(when).append(" my account is locked")
                    .append(rnd.nextBoolean() ? " after three failed sign-ins." : ".")
                    .append(rnd.nextBoolean() ? " The lockout message gives no reason." : "");
        } else if (kind < 5) {
            sb.append("Our payment for invoice INV-").append(10_000 + rnd.nextInt(90_000))
                    .append(rnd.nextBoolean() ? " was declined" : " has not been applied")
                    .append(" since ").append(when).append('.');
        } else if (cat == 3) {
            sb.append("We would like ").append(thing).append(": it ").append(problem).append('.');
        } else if (cat == 5) {
            sb.append("Our question about ").append(thing).append(' ').append(problem)
                    .append(": could you help?");
        } else {
            sb.append("Since ").append(when).append(" the ").append(thing).append(' ')
                    .append(problem).append('.');
        }
        sb.append(' ').append(pick(rnd, DETAILS));
        int urgency = rnd.nextInt(100); // ~30% one urgency sentence, ~8% two different ones
        if (urgency < 30) {
            int first = rnd.nextInt(URGENT.length);
            sb.append(' ').append(URGENT[first]);
            if (urgency < 8) {
                sb.append(' ').append(URGENT[(first + 1 + rnd.nextInt(URGENT.length - 1))
                        % URGENT.length]);
            }
        }
        return sb.toString();
    }

    private static String id(StringBuilder sb, long n) {
        sb.setLength(0);
        String digits = Long.toString(n);
        sb.append("GEN-");
        for (int i = digits.length(); i < 10; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private static String pick(SplittableRandom rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /**
     * Runs the generator: {@code --count N --seed S --out FILE|- --error-rate R}.
     *
     * @param args the options; all optional (1000 tickets, seed 42, stdout, no errors)
     */
    public static void main(String[] args) throws IOException {
        long count = 1000;
        long seed = 42;
        double errorRate = 0.0;
        String outName = "-";
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--count" -> count = wholeNumber(args[i], value);
                    case "--seed" -> seed = wholeNumber(args[i], value);
                    case "--error-rate" -> errorRate = decimal(args[i], value);
                    case "--out" -> outName = required(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; usage: TicketGenerator [--count N] [--seed S] [--out FILE|-]"
                            + " [--error-rate R]");
                }
                i++;
            }
            if (count < 0 || !(errorRate >= 0.0 && errorRate <= 1.0)) {
                throw new IllegalArgumentException("--count must be >= 0 and --error-rate in"
                        + " [0, 1], got " + count + " and " + errorRate);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        long start = System.nanoTime();
        long bad;
        boolean stdout = outName.equals("-");
        try (OutputStream out = new BufferedOutputStream(stdout
                ? new FileOutputStream(FileDescriptor.out)
                : Files.newOutputStream(Path.of(outName)), 1 << 16)) {
            bad = generate(count, seed, errorRate, out);
        }
        System.err.printf("wrote %d tickets (%d with an injected error) to %s in %d ms%n",
                count, bad, stdout ? "stdout" : outName, (System.nanoTime() - start) / 1_000_000);
    }

    private static long wholeNumber(String option, String value) {
        try {
            return Long.parseLong(required(option, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(required(option, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
