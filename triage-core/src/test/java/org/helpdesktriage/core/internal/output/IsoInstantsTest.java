package org.helpdesktriage.core.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void format_isInstantToString_forEveryInstant() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("-0500-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max),
                    i % 5 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(IsoInstants.format(t)).isEqualTo(t.toString());
        }
        for (Instant t : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("2024-02-29T23:59:59Z"), Instant.parse("1969-12-31T23:59:59Z"))) {
            assertThat(IsoInstants.format(t)).isEqualTo(t.toString());
        }
    }
}
