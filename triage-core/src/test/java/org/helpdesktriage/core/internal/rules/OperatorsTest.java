package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.CREATED;
import static org.helpdesktriage.core.TestTickets.aTicket;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.holds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final String LOCK_WORDS = "['lock', 'locked', 'lockout']";

    private static Ticket titled(String title) {
        return aTicket().title(title).build();
    }

    @Nested
    class ContainsAnyWord {

        @Test
        void containsAnyWord_clockWidget_doesNotMatchLock() {
            assertThat(holds("{'field': 'title', 'op': 'contains_any_word', 'value': "
                    + LOCK_WORDS + "}", titled("Clock widget broken"))).isFalse();
        }

        @Test
        void containsAnyWord_lockedOut_matches() {
            assertThat(holds("{'field': 'title', 'op': 'contains_any_word', 'value': "
                    + LOCK_WORDS + "}", titled("I am locked out"))).isTrue();
        }

        @Test
        void containsAnyWord_differentCase_matches() {
            assertThat(holds("{'field': 'title', 'op': 'contains_any_word', 'value': ['Locked']}",
                    titled("ACCOUNT LOCKED!"))).isTrue();
        }

        @Test
        void containsAnyWord_singleString_isOneWord() {
            assertThat(holds("{'field': 'description', 'op': 'contains_any_word', "
                    + "'value': 'printer'}", aTicket().build())).isTrue();
        }

        @Test
        void containsAnyWord_text_seesTitleAndDescription() {
            Ticket t = aTicket().title("Help").description("my payment failed").build();
            assertThat(holds("{'field': 'text', 'op': 'contains_any_word', 'value': ['payment']}",
                    t)).isTrue();
            assertThat(holds("{'field': 'title', 'op': 'contains_any_word', 'value': ['payment']}",
                    t)).isFalse();
        }

        @Test
        void containsAnyWord_longKeywordList_matchesEitherDirection() {
            String many = "['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'jam']";
            String cond = "{'field': 'title', 'op': 'contains_any_word', 'value': " + many + "}";
            assertThat(holds(cond, titled("Printer jam"))).isTrue();
            assertThat(holds(cond, titled("Printer jammed"))).isFalse();
        }

        @Test
        void containsAnyWord_keywordOfTwoWords_matchesOnlyConsecutively() {
            String cond = "{'field': 'text', 'op': 'contains_any_word', 'value': ['log in']}";
            assertThat(holds(cond, titled("I cannot log-in today"))).isTrue();
            assertThat(holds(cond, titled("the log file is in the bin"))).isFalse();
        }

        @Test
        void containsAnyWord_stringField_tokenisesTheValue() {
            Ticket t = aTicket().requesterEmail("bob@acme.com").build();
            assertThat(holds("{'field': 'requester_email', 'op': 'contains_any_word', "
                    + "'value': ['ACME']}", t)).isTrue();
            assertThat(holds("{'field': 'requester_email', 'op': 'contains_any_word', "
                    + "'value': ['acm']}", t)).isFalse();
        }

        @Test
        void containsAnyWord_tags_holdsWhenAnyTagHasTheWord() {
            Ticket t = aTicket().tags(List.of("Mobile", "vip-customer")).build();
            assertThat(holds("{'field': 'tags', 'op': 'contains_any_word', 'value': ['vip']}",
                    t)).isTrue();
            assertThat(holds("{'field': 'tags', 'op': 'contains_any_word', 'value': ['desk']}",
                    t)).isFalse();
        }

        @Test
        void containsAnyWord_metadata_usesStringForm() {
            Ticket t = aTicket().metadata(Map.of("source", "Web Form")).build();
            assertThat(holds("{'field': 'metadata.source', 'op': 'contains_any_word', "
                    + "'value': ['form']}", t)).isTrue();
        }
    }

    @Nested
    class ContainsAllWords {

        @Test
        void containsAllWords_everyWordPresent_matches() {
            assertThat(holds("{'field': 'description', 'op': 'contains_all_words', "
                    + "'value': ['PRINTER', 'jams']}", aTicket().build())).isTrue();
        }

        @Test
        void containsAllWords_oneWordMissing_doesNotMatch() {
            assertThat(holds("{'field': 'description', 'op': 'contains_all_words', "
                    + "'value': ['printer', 'scanner']}", aTicket().build())).isFalse();
        }

        @Test
        void containsAllWords_tags_needsEveryWordAmongTheTags() {
            Ticket t = aTicket().tags(List.of("vip", "Billing")).build();
            assertThat(holds("{'field': 'tags', 'op': 'contains_all_words', "
                    + "'value': ['vip', 'billing']}", t)).isTrue();
            assertThat(holds("{'field': 'tags', 'op': 'contains_all_words', "
                    + "'value': ['vip', 'urgent']}", t)).isFalse();
        }

        @Test
        void containsAllWords_stringField_matches() {
            Ticket t = aTicket().metadata(Map.of("plan", "enterprise gold")).build();
            assertThat(holds("{'field': 'metadata.plan', 'op': 'contains_all_words', "
                    + "'value': ['gold', 'enterprise']}", t)).isTrue();
        }
    }

    @Nested
    class ContainsPhrase {

        private static final String LOCKED_OUT =
                "{'field': 'text', 'op': 'contains_phrase', 'value': 'Locked Out'}";

        @Test
        void containsPhrase_acrossPunctuationAndWhitespace_matches() {
            assertThat(holds(LOCKED_OUT, titled("I'm LOCKED --\n  out, again"))).isTrue();
        }

        @Test
        void containsPhrase_wordsInOtherOrder_doesNotMatch() {
            assertThat(holds(LOCKED_OUT, titled("out, and locked"))).isFalse();
        }

        @Test
        void containsPhrase_partOfAWord_doesNotMatch() {
            assertThat(holds(LOCKED_OUT, titled("I clocked out early"))).isFalse();
        }

        @Test
        void containsPhrase_tags_holdsWithinOneTag() {
            Ticket t = aTicket().tags(List.of("password", "reset-request")).build();
            assertThat(holds("{'field': 'tags', 'op': 'contains_phrase', "
                    + "'value': 'reset request'}", t)).isTrue();
            assertThat(holds("{'field': 'tags', 'op': 'contains_phrase', "
                    + "'value': 'password reset'}", t)).isFalse();
        }

        @Test
        void containsPhrase_stringField_matches() {
            Ticket t = aTicket().metadata(Map.of("product", "Acme Cloud Drive")).build();
            assertThat(holds("{'field': 'metadata.product', 'op': 'contains_phrase', "
                    + "'value': 'cloud drive'}", t)).isTrue();
        }
    }

    @Nested
    class EqualsAndIn {

        @Test
        void equals_category_isCaseInsensitive() {
            Ticket t = aTicket().category("billing").build();
            assertThat(holds("{'field': 'category', 'op': 'equals', 'value': 'BILLING'}", t))
                    .isTrue();
            assertThat(holds("{'field': 'category', 'op': 'equals', 'value': 'account'}", t))
                    .isFalse();
        }

        @Test
        void equals_priority_comparesLevels() {
            Ticket t = aTicket().priority(Priority.HIGH).build();
            assertThat(holds("{'field': 'priority', 'op': 'equals', 'value': 'High'}", t))
                    .isTrue();
            assertThat(holds("{'field': 'priority', 'op': 'equals', 'value': 'critical'}", t))
                    .isFalse();
        }

        @Test
        void equals_status_matchesItsName() {
            Ticket t = aTicket().status(Status.IN_PROGRESS).build();
            assertThat(holds("{'field': 'status', 'op': 'equals', 'value': 'in_progress'}", t))
                    .isTrue();
        }

        @Test
        void equals_textFields_compareWholeValue() {
            assertThat(holds("{'field': 'title', 'op': 'equals', 'value': 'printer JAM'}",
                    aTicket().build())).isTrue();
            assertThat(holds("{'field': 'title', 'op': 'equals', 'value': 'printer'}",
                    aTicket().build())).isFalse();
        }

        @Test
        void equals_requesterDomain_isLowerCaseDomain() {
            Ticket t = aTicket().requesterEmail("Bob@ACME.com").build();
            assertThat(holds("{'field': 'requester_domain', 'op': 'equals', "
                    + "'value': 'acme.com'}", t)).isTrue();
            assertThat(holds("{'field': 'requester_email', 'op': 'equals', "
                    + "'value': 'bob@acme.com'}", t)).isTrue();
        }

        @Test
        void equals_metadataNumber_comparesNumerically() {
            Ticket t = aTicket().metadata(Map.of("seats", 3, "label", "3.0")).build();
            assertThat(holds("{'field': 'metadata.seats', 'op': 'equals', 'value': 3.0}", t))
                    .isTrue();
            assertThat(holds("{'field': 'metadata.label', 'op': 'equals', 'value': 3}", t))
                    .isTrue();
            assertThat(holds("{'field': 'metadata.seats', 'op': 'equals', 'value': 4}", t))
                    .isFalse();
        }

        @Test
        void equals_metadataBooleanAndString_compareStringForm() {
            Ticket t = aTicket().metadata(Map.of("vip", true, "region", "EU")).build();
            assertThat(holds("{'field': 'metadata.vip', 'op': 'equals', 'value': true}", t))
                    .isTrue();
            assertThat(holds("{'field': 'metadata.region', 'op': 'equals', 'value': 'eu'}", t))
                    .isTrue();
        }

        @Test
        void equals_missingMetadataKey_isFalse() {
            assertThat(holds("{'field': 'metadata.region', 'op': 'equals', 'value': 'eu'}",
                    aTicket().build())).isFalse();
            assertThat(holds("{'none': [{'field': 'metadata.region', 'op': 'equals', "
                    + "'value': 'eu'}]}", aTicket().build())).isTrue();
        }

        @Test
        void equals_tags_holdsWhenAnyTagEquals() {
            Ticket t = aTicket().tags(List.of("mobile", "VIP")).build();
            assertThat(holds("{'field': 'tags', 'op': 'equals', 'value': 'vip'}", t)).isTrue();
            assertThat(holds("{'field': 'tags', 'op': 'equals', 'value': 'vi'}", t)).isFalse();
        }

        @Test
        void equals_ageHours_comparesNumerically() {
            Facts facts = Facts.of(aTicket().build(), CREATED.plus(Duration.ofMinutes(90)));
            assertThat(holds("{'field': 'age_hours', 'op': 'equals', 'value': 1.5}", facts))
                    .isTrue();
        }

        @Test
        void in_category_matchesAnyListedValue() {
            Ticket t = aTicket().category("account").build();
            assertThat(holds("{'field': 'category', 'op': 'in', 'value': ['billing', 'Account']}",
                    t)).isTrue();
            assertThat(holds("{'field': 'category', 'op': 'in', 'value': ['billing']}", t))
                    .isFalse();
        }

        @Test
        void in_priority_matchesListedLevels() {
            String cond = "{'field': 'priority', 'op': 'in', 'value': ['high', 'critical']}";
            assertThat(holds(cond, aTicket().priority(Priority.CRITICAL).build())).isTrue();
            assertThat(holds(cond, aTicket().priority(Priority.MEDIUM).build())).isFalse();
        }

        @Test
        void in_longList_usesCaseInsensitiveLookup() {
            String cond = "{'field': 'requester_domain', 'op': 'in', 'value': ['a.com', 'b.com',"
                    + " 'c.com', 'd.com', 'e.com', 'f.com', 'g.com', 'h.com', 'Example.COM']}";
            assertThat(holds(cond, aTicket().build())).isTrue();
            assertThat(holds(cond, aTicket().requesterEmail("x@other.org").build())).isFalse();
        }

        @Test
        void in_tagsAndStatus_match() {
            Ticket t = aTicket().tags(List.of("mobile")).status(Status.ESCALATED).build();
            assertThat(holds("{'field': 'tags', 'op': 'in', 'value': ['desktop', 'Mobile']}", t))
                    .isTrue();
            assertThat(holds("{'field': 'status', 'op': 'in', 'value': ['new', 'escalated']}", t))
                    .isTrue();
        }
    }

    @Nested
    class StartsEndsMatches {

        @Test
        void startsWith_isCaseInsensitive() {
            assertThat(holds("{'field': 'title', 'op': 'starts_with', 'value': 'PRINTER'}",
                    aTicket().build())).isTrue();
            assertThat(holds("{'field': 'title', 'op': 'starts_with', 'value': 'jam'}",
                    aTicket().build())).isFalse();
        }

        @Test
        void endsWith_requesterEmail_matchesDomain() {
            Ticket t = aTicket().requesterEmail("bob@acme.com").build();
            assertThat(holds("{'field': 'requester_email', 'op': 'ends_with', "
                    + "'value': '@ACME.com'}", t)).isTrue();
        }

        @Test
        void endsWith_suffixLongerThanValue_isFalse() {
            assertThat(holds("{'field': 'category', 'op': 'ends_with', "
                    + "'value': 'a much longer suffix'}", aTicket().build())).isFalse();
        }

        @Test
        void startsAndEndsWith_tagsAndMetadata_match() {
            Ticket t = aTicket().tags(List.of("team-red")).metadata(Map.of("ref", "INV-2026"))
                    .build();
            assertThat(holds("{'field': 'tags', 'op': 'starts_with', 'value': 'team-'}", t))
                    .isTrue();
            assertThat(holds("{'field': 'metadata.ref', 'op': 'starts_with', 'value': 'inv-'}",
                    t)).isTrue();
            assertThat(holds("{'field': 'metadata.ref', 'op': 'ends_with', 'value': '2026'}", t))
                    .isTrue();
        }

        @Test
        void startsAndEndsWith_text_isTitleThenDescription() {
            assertThat(holds("{'field': 'text', 'op': 'starts_with', 'value': 'printer jam'}",
                    aTicket().build())).isTrue();
            assertThat(holds("{'field': 'text', 'op': 'ends_with', 'value': 'every page.'}",
                    aTicket().build())).isTrue();
        }

        @Test
        void matches_findsPatternAnywhere() {
            assertThat(holds("{'field': 'description', 'op': 'matches', 'value': 'floor \\\\d'}",
                    aTicket().build())).isTrue();
            assertThat(holds("{'field': 'title', 'op': 'matches', 'value': '^jam'}",
                    aTicket().build())).isFalse();
        }

        @Test
        void matches_isCaseSensitiveUnlessAsked() {
            assertThat(holds("{'field': 'title', 'op': 'matches', 'value': 'printer'}",
                    aTicket().build())).isFalse();
            assertThat(holds("{'field': 'title', 'op': 'matches', 'value': '(?i)printer'}",
                    aTicket().build())).isTrue();
        }

        @Test
        void matches_stringListAndMetadataFields() {
            Ticket t = aTicket().requesterEmail("bob@acme.org").tags(List.of("ticket-42"))
                    .metadata(Map.of("order", 12345)).build();
            assertThat(holds("{'field': 'requester_email', 'op': 'matches', "
                    + "'value': 'acme\\\\.(com|org)$'}", t)).isTrue();
            assertThat(holds("{'field': 'tags', 'op': 'matches', 'value': '^ticket-\\\\d+$'}", t))
                    .isTrue();
            assertThat(holds("{'field': 'metadata.order', 'op': 'matches', "
                    + "'value': '^\\\\d{5}$'}", t)).isTrue();
        }

        @Test
        void matches_catastrophicBacktrackingShape_returns() {
            Ticket t = aTicket().description("a".repeat(5000) + "!").build();
            assertThat(holds("{'field': 'description', 'op': 'matches', 'value': '(a+)+$'}", t))
                    .isFalse();
        }
    }

    @Nested
    class Comparisons {

        @Test
        void greaterThan_priority_comparesLevels() {
            String cond = "{'field': 'priority', 'op': 'greater_than', 'value': 'medium'}";
            assertThat(holds(cond, aTicket().priority(Priority.HIGH).build())).isTrue();
            assertThat(holds(cond, aTicket().priority(Priority.MEDIUM).build())).isFalse();
        }

        @Test
        void lessThan_priority_comparesLevels() {
            String cond = "{'field': 'priority', 'op': 'less_than', 'value': 'medium'}";
            assertThat(holds(cond, aTicket().priority(Priority.LOW).build())).isTrue();
            assertThat(holds(cond, aTicket().priority(Priority.CRITICAL).build())).isFalse();
        }

        @Test
        void ageHours_fixedNow_comparesHoursSinceCreation() {
            Facts dayOld = Facts.of(aTicket().build(), CREATED.plus(Duration.ofHours(25)));
            assertThat(holds("{'field': 'age_hours', 'op': 'greater_than', 'value': 24}", dayOld))
                    .isTrue();
            assertThat(holds("{'field': 'age_hours', 'op': 'less_than', 'value': 24}", dayOld))
                    .isFalse();
            Facts fresh = Facts.of(aTicket().build(), CREATED.plus(Duration.ofMinutes(30)));
            assertThat(holds("{'field': 'age_hours', 'op': 'less_than', 'value': 1}", fresh))
                    .isTrue();
        }

        @Test
        void predictionConfidence_withPrediction_comparesNumerically() {
            Facts facts = Facts.of(aTicket().build(), CREATED).withPrediction("billing", 0.9);
            assertThat(holds("{'field': 'prediction_confidence', 'op': 'greater_than', "
                    + "'value': 0.8}", facts)).isTrue();
            assertThat(holds("{'field': 'prediction_confidence', 'op': 'less_than', "
                    + "'value': 0.8}", facts)).isFalse();
            assertThat(holds("{'field': 'prediction_confidence', 'op': 'equals', "
                    + "'value': 0.9}", facts)).isTrue();
        }

        @Test
        void predictionConfidence_withoutPrediction_isFalse() {
            Facts facts = Facts.of(aTicket().build(), CREATED);
            assertThat(holds("{'field': 'prediction_confidence', 'op': 'less_than', "
                    + "'value': 0.8}", facts)).isFalse();
        }
    }

    @Nested
    class PredictedCategory {

        private static final String IS_BILLING =
                "{'field': 'predicted_category', 'op': 'equals', 'value': 'billing'}";

        @Test
        void predictedCategory_withPrediction_matches() {
            Facts facts = Facts.of(aTicket().build(), CREATED).withPrediction("billing", 0.7);
            assertThat(holds(IS_BILLING, facts)).isTrue();
            assertThat(holds("{'field': 'predicted_category', 'op': 'in', "
                    + "'value': ['account', 'bug']}", facts)).isFalse();
        }

        @Test
        void predictedCategory_withoutPrediction_isFalse() {
            Facts facts = Facts.of(aTicket().build(), CREATED);
            assertThat(holds(IS_BILLING, facts)).isFalse();
            assertThat(holds("{'none': [" + IS_BILLING + "]}", facts)).isTrue();
        }
    }
}
