package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TicketGeneratorTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern LOCK_WORD =
            Pattern.compile("(?i)(?<![a-z0-9])(lock|locked|lockout)(?![a-z0-9])");
    private static final Pattern PAYMENT_WORD =
            Pattern.compile("(?i)(?<![a-z0-9])payment(?![a-z0-9])");
    private static final Pattern VALID_EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Test
    void generate_sameSeed_writesIdenticalBytes() throws IOException {
        assertThat(write(2_000, 42, 0.05)).isEqualTo(write(2_000, 42, 0.05));
    }

    @Test
    void generate_otherSeed_writesOtherTickets() throws IOException {
        assertThat(write(100, 42, 0.0)).isNotEqualTo(write(100, 43, 0.0));
    }

    @Test
    void generate_writesOneJsonObjectPerLineWithSequentialIds() throws IOException {
        List<Map<String, String>> records = parse(write(1_000, 42, 0.0));

        assertThat(records).hasSize(1_000);
        assertThat(records.get(0)).containsEntry("ticket_id", "GEN-0000000001");
        assertThat(records.get(999)).containsEntry("ticket_id", "GEN-0000001000");
        assertThat(records).allSatisfy(r -> {
            assertThat(r).containsKeys("title", "description", "requester_email", "category",
                    "priority", "created_at", "channel", "customer_tier");
            assertThat(r.get("created_at")).startsWith("2026-10-");
            assertThat(r.get("requester_email")).matches(VALID_EMAIL);
        });
    }

    @Test
    void generate_zeroCount_writesNothing() throws IOException {
        assertThat(write(0, 42, 0.5)).isEmpty();
    }

    @Test
    void generate_errorRate_injectsExactlyTheReportedBadRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bad = TicketGenerator.generate(20_000, 42, 0.01, out);

        long invalid = parse(out.toByteArray()).stream()
                .filter(r -> !r.containsKey("title")
                        || !VALID_EMAIL.matcher(r.get("requester_email")).matches())
                .count();
        // the seed fixes the count: 20,000 x 1% = 200 expected (sd 14), seed 42 draws 219
        assertThat(bad).isEqualTo(219L).isEqualTo(invalid).isBetween(160L, 240L);
    }

    @Test
    void generate_errorRate_leavesTheValidRecordsUnchanged() throws IOException {
        List<Map<String, String>> clean = parse(write(2_000, 42, 0.0));
        List<Map<String, String>> dirty = parse(write(2_000, 42, 0.2));

        for (int i = 0; i < clean.size(); i++) {
            assertThat(dirty.get(i).get("description")).isEqualTo(clean.get(i).get("description"));
        }
    }

    @Test
    void generate_defaultRulesFire_aboutThreePercentLockoutsAndTwoPercentPayments()
            throws IOException {
        List<Map<String, String>> records = parse(write(20_000, 42, 0.0));

        long lockouts = records.stream().filter(r -> LOCK_WORD.matcher(
                r.get("title") + " " + r.get("description")).find()).count();
        long payments = records.stream().filter(r -> r.get("category").equals("billing")
                && PAYMENT_WORD.matcher(r.get("description")).find()).count();
        assertThat(lockouts).isBetween(500L, 700L);
        assertThat(payments).isBetween(300L, 500L);
    }

    @Test
    void generate_badErrorRate_isRefused() {
        assertThatThrownBy(() -> TicketGenerator.generate(1, 1, 1.5, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    private static byte[] write(long count, long seed, double errorRate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TicketGenerator.generate(count, seed, errorRate, out);
        return out.toByteArray();
    }

    /** Parses JSON Lines into flat maps of the string fields (tags are skipped). */
    private static List<Map<String, String>> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return text.lines().map(line -> {
            Map<String, String> fields = new HashMap<>();
            try (JsonParser p = JSON.createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName().toLowerCase(Locale.ROOT);
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    } else {
                        fields.put(name, p.getText());
                    }
                }
                assertThat(p.nextToken()).isNull();
            } catch (IOException e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
            return fields;
        }).toList();
    }
}
