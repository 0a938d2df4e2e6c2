package org.helpdesktriage.core.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    private static DuplicateFinder.Report report(String id, String title, String description) {
        return new DuplicateFinder.Report(id, title, description, "");
    }

    private static DuplicateFinder finder(DuplicateFinder.Report... earlier) {
        DuplicateFinder finder = DuplicateFinder.create(DuplicateFinder.Settings.defaults());
        for (DuplicateFinder.Report r : earlier) {
            finder.add(r);
        }
        return finder;
    }

    private static final DuplicateFinder.Report VPN = report("T-1", "VPN drops every hour",
            "The VPN client disconnects every hour and I have to log in again.");
    private static final DuplicateFinder.Report PRINTER = report("T-2", "Printer out of toner",
            "The printer on floor three says the toner is empty.");
    private static final DuplicateFinder.Report MAIL = report("T-3", "Mailbox full",
            "Outlook says my mailbox is over its quota and refuses new mail.");

    @Test
    void find_exactCopy_scoresOne_andRanksFirst() {
        try (DuplicateFinder finder = finder(VPN, PRINTER, MAIL)) {
            List<PossibleDuplicate> found = finder.find(report("T-9", VPN.title(),
                    VPN.description()), 3);
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).ticketId()).isEqualTo("T-1");
            assertThat(found.get(0).score()).isBetween(0.95, 1.0);
            assertThat(found.get(0).reason()).isEqualTo("same title");
        }
    }

    @Test
    void find_scoresStayInZeroToOne_andAreBestFirst() {
        try (DuplicateFinder finder = finder(VPN, PRINTER, MAIL,
                report("T-4", "VPN VPN VPN disconnects disconnects hour hour",
                        "VPN disconnects every hour hour hour VPN VPN again again"))) {
            List<PossibleDuplicate> found = finder.find(report("T-9", "VPN disconnects",
                    "every hour"), 10);
            assertThat(found).extracting(PossibleDuplicate::score)
                    .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0))
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(found).extracting(PossibleDuplicate::ticketId).contains("T-1", "T-4");
        }
    }

    @Test
    void find_similarReport_isAboveTheDefaultThreshold_andUnrelatedBelow() {
        try (DuplicateFinder finder = finder(VPN, PRINTER, MAIL)) {
            DuplicateFinder.Report again = report("T-9", "VPN dropping every hour",
                    "VPN client disconnected every hour; I have to log in again.");
            assertThat(finder.find(again, 3, 0.6)).extracting(PossibleDuplicate::ticketId)
                    .containsExactly("T-1");
            assertThat(finder.find(report("T-10", "Request a new laptop",
                    "I would like a bigger screen for design work."), 3, 0.6)).isEmpty();
        }
    }

    @Test
    void emptyAndOneWordTexts_neverMatchEachOther() {
        try (DuplicateFinder finder = finder(report("E-1", "", ""), report("E-2", "help", ""),
                report("E-3", "the", "a an"), VPN)) {
            assertThat(finder.size()).isEqualTo(1);
            assertThat(finder.find(report("E-9", "", ""), 5)).isEmpty();
            assertThat(finder.find(report("E-10", "help", ""), 5)).isEmpty();
            assertThat(finder.find(report("E-11", "Help!", "help"), 5)).isEmpty();
            assertThat(finder.find(report("E-12", "the of", "and"), 5)).isEmpty();
            assertThat(finder.find(report("E-13", "VPN help", ""), 5))
                    .extracting(PossibleDuplicate::ticketId).containsExactly("T-1");
        }
    }

    @Test
    void hugeTexts_areCut_andCounted_andStillFound() {
        String huge = "disk quota exceeded on the shared drive ".repeat(50_000);
        try (DuplicateFinder finder = finder(report("H-1", "Shared drive full", huge), VPN)) {
            assertThat(finder.cutTexts()).isEqualTo(1);
            List<PossibleDuplicate> found = finder.find(report("H-2", "Shared drive full",
                    huge), 3);
            assertThat(finder.cutTexts()).isEqualTo(2);
            assertThat(found).extracting(PossibleDuplicate::ticketId).containsExactly("H-1");
            assertThat(found.get(0).score()).isBetween(0.95, 1.0);
        }
    }

    @Test
    void hugeTexts_withPlainSettings_stayWithinTheClauseLimit() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            words.append("word").append(i).append(' ');
        }
        try (DuplicateFinder finder = DuplicateFinder.create(
                DuplicateFinder.Settings.plainBm25())) {
            finder.add(report("H-1", "many words", words.toString()));
            assertThat(finder.cutTexts()).isPositive();
            assertThat(finder.find(report("H-2", "many words", words.toString()), 3))
                    .extracting(PossibleDuplicate::ticketId).containsExactly("H-1");
        }
    }

    @Test
    void sameRequester_addsToTheScore_andIsNamed() {
        try (DuplicateFinder finder = DuplicateFinder.create(
                DuplicateFinder.Settings.defaults())) {
            finder.add(new DuplicateFinder.Report("R-1", "Laptop battery drains fast",
                    "Battery lasts one hour", "ann@example.com"));
            finder.add(new DuplicateFinder.Report("R-2", "Laptop battery drains fast",
                    "Battery lasts one hour", "bob@example.com"));
            List<PossibleDuplicate> found = finder.find(new DuplicateFinder.Report("R-3",
                    "Battery of my laptop", "it drains in an hour", "ANN@example.com "), 5);
            assertThat(found).extracting(PossibleDuplicate::ticketId)
                    .containsExactly("R-1", "R-2");
            assertThat(found.get(0).reason()).isEqualTo("same requester, similar text");
            assertThat(found.get(1).reason()).isEqualTo("similar text");
            assertThat(found.get(0).score() - found.get(1).score()).isPositive()
                    .isLessThanOrEqualTo(0.2 + 1e-9);
        }
    }

    @Test
    void find_neverReturnsTheReportItself() {
        try (DuplicateFinder finder = finder(VPN, PRINTER)) {
            assertThat(finder.find(VPN, 5)).extracting(PossibleDuplicate::ticketId)
                    .doesNotContain("T-1");
        }
    }

    @Test
    void badArguments_areRefused_namingTheValue() {
        assertThatThrownBy(() -> new PossibleDuplicate("T-1", 1.5, "similar text"))
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new DuplicateFinder.Settings(true, 0, 100, 0.2))
                .hasMessageContaining("titleWeight 0");
        try (DuplicateFinder finder = finder(VPN)) {
            assertThatThrownBy(() -> finder.find(PRINTER, 3, 1.2))
                    .hasMessageContaining("threshold 1.2");
            assertThatThrownBy(() -> finder.find(PRINTER, 0)).hasMessageContaining("limit 0");
        }
    }
}
