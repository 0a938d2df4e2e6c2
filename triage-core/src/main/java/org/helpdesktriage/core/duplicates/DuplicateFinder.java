package org.helpdesktriage.core.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.helpdesktriage.core.model.Ticket;

/**
 * Finds, among the tickets added so far, those that may report the same problem as a given
 * one, best first.
 *
 * <pre>{@code
 * try (DuplicateFinder finder = DuplicateFinder.create(DuplicateFinder.Settings.defaults())) {
 *     earlier.forEach(t -> finder.add(DuplicateFinder.Report.of(t)));
 *     List<PossibleDuplicate> found = finder.find(DuplicateFinder.Report.of(ticket), 3, 0.6);
 * }
 * }</pre>
 *
 * <p>Retrieval is Lucene's BM25 (k1 1.2, b 0.75) over one field holding the title's words
 * {@link Settings#titleWeight()} times and the first {@link Settings#descriptionTokens()} words of
 * the description, analysed by Lucene's {@code EnglishAnalyzer} (stop words, Porter stemming).
 * A candidate's score is its BM25 score divided by the score the looked-up ticket would reach
 * against an exact copy of itself, capped at 1, so that a threshold reads the same whatever the
 * size of the index or the length of the text; a shared requester adds
 * {@link Settings#requesterBonus()}. A ticket with fewer than two distinct words (after stop
 * words) neither looks up nor is found: empty and one-word texts never match by emptiness. Texts
 * longer than {@value #MAX_TEXT_CHARS} characters or {@value #MAX_TOKENS} words are cut (counted
 * by {@link #cutTexts()}). The index is in memory. Methods are synchronized: one finder may be
 * shared by threads, which then take turns.
 */
public final class DuplicateFinder implements Closeable {

    /** The characters of a title or description read; the rest is cut. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** The words of a title or description read; the rest is cut. */
    public static final int MAX_TOKENS = 10_000;
    /** The fewest distinct words a ticket needs to look up or be found. */
    public static final int MIN_TERMS = 2;

    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String TITLE_KEY = "title_key";
    private static final String REQUESTER = "requester";
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    /**
     * How tickets are compared.
     *
     * @param englishAnalysis whether words are stemmed (Porter) and English stop words dropped;
     *     otherwise lower-cased words are compared as they are
     * @param titleWeight how many times the title's words count, 1 to 10
     * @param descriptionTokens how many words of the description are read, 1 to
     *     {@value DuplicateFinder#MAX_TOKENS}
     * @param requesterBonus what the same requester adds to a candidate's score, in [0, 1]
     */
    public record Settings(boolean englishAnalysis, int titleWeight, int descriptionTokens,
            double requesterBonus) {

        /** Checks the values. */
        public Settings {
            if (titleWeight < 1 || titleWeight > 10) {
                throw new IllegalArgumentException("titleWeight " + titleWeight
                        + " is outside 1 to 10");
            }
            if (descriptionTokens < 1 || descriptionTokens > MAX_TOKENS) {
                throw new IllegalArgumentException("descriptionTokens " + descriptionTokens
                        + " is outside 1 to " + MAX_TOKENS);
            }
            if (!(requesterBonus >= 0 && requesterBonus <= 1)) {
                throw new IllegalArgumentException("requesterBonus " + requesterBonus
                        + " is outside [0, 1]");
            }
        }

        /**
         * Returns the measured settings: English analysis, title 3 times, the description's
         * first 50 words, 0.2 for the same requester (docs/duplicates.md).
         */
        public static Settings defaults() {
            return new Settings(true, 3, 50, 0.2);
        }

        /** Returns plain BM25, the baseline: words as they are, title once, all the text. */
        public static Settings plainBm25() {
            return new Settings(false, 1, MAX_TOKENS, 0.2);
        }
    }

    /**
     * What a ticket shows the finder.
     *
     * @param id the ticket's id
     * @param title its title, possibly empty
     * @param description its description, possibly empty
     * @param requester who asked, or empty when not known
     */
    public record Report(String id, String title, String description, String requester) {

        /** Checks the values. */
        public Report {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(requester, "requester");
        }

        /** Returns what {@code ticket} shows the finder: id, title, description, requester. */
        public static Report of(Ticket ticket) {
            return new Report(ticket.ticketId(), ticket.title(), ticket.description(),
                    ticket.requesterEmail());
        }
    }

    private final Settings settings;
    private final ReportWords words;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final BM25Similarity similarity = new BM25Similarity(K1, B);
    private DirectoryReader reader;
    private boolean changed;
    private int size;

    private DuplicateFinder(Settings settings) throws IOException {
        this.settings = settings;
        this.words = new ReportWords(settings);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setSimilarity(similarity));
    }

    /** Returns an empty finder comparing tickets by {@code settings}. */
    public static DuplicateFinder create(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        try {
            return new DuplicateFinder(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the settings the finder compares by. */
    public Settings settings() {
        return settings;
    }

    /** Returns how many reports were added and can be found (two distinct words or more). */
    public synchronized int size() {
        return size;
    }

    /** Returns how many titles and descriptions were cut for being too long. */
    public synchronized long cutTexts() {
        return words.cut();
    }

    /** Adds an earlier ticket, to be found by later look-ups. */
    public synchronized void add(Report report) {
        Objects.requireNonNull(report, "report");
        ReportWords.Words terms = words.of(report);
        if (terms.distinct() < MIN_TERMS) {
            return;
        }
        Document doc = new Document();
        doc.add(new StringField(ID, report.id(), Field.Store.YES));
        doc.add(new TextField(TEXT, String.join(" ", terms.all()), Field.Store.NO));
        doc.add(new StoredField(TITLE_KEY, terms.titleKey()));
        doc.add(new StoredField(REQUESTER, requesterKey(report)));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = true;
        size++;
    }

    /**
     * Returns the added tickets most like {@code report}, best first, at most {@code limit},
     * whatever their score; the report's own id is never among them.
     */
    public List<PossibleDuplicate> find(Report report, int limit) {
        return find(report, limit, 0.0);
    }

    /**
     * Returns the added tickets most like {@code report} whose score reaches
     * {@code threshold}, best first, at most {@code limit}; the report's own id is never among
     * them.
     *
     * @param report the ticket looked up
     * @param limit the most candidates returned, at least 1
     * @param threshold the lowest score returned, in [0, 1]
     */
    public synchronized List<PossibleDuplicate> find(Report report, int limit,
            double threshold) {
        Objects.requireNonNull(report, "report");
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " is below 1");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " is outside [0, 1]");
        }
        ReportWords.Words terms = words.of(report);
        if (terms.distinct() < MIN_TERMS || size == 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searcher();
            // one clause per distinct word, as many as Lucene allows; the copy's score counts
            // the same words, so a cut query is still measured against itself
            List<String> queried = terms.counts().keySet().stream()
                    .limit(IndexSearcher.getMaxClauseCount()).toList();
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String term : queried) {
                query.add(new TermQuery(new org.apache.lucene.index.Term(TEXT, term)),
                        BooleanClause.Occur.SHOULD);
            }
            double self = selfScore(searcher, terms, queried);
            String requester = requesterKey(report);
            List<PossibleDuplicate> found = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query.build(), limit + 1).scoreDocs) {
                Document doc = stored.document(hit.doc);
                String id = doc.get(ID);
                if (id.equals(report.id()) || found.size() == limit) {
                    continue;
                }
                boolean sameRequester = !requester.isEmpty()
                        && requester.equals(doc.get(REQUESTER));
                boolean sameTitle = !terms.titleKey().isEmpty()
                        && terms.titleKey().equals(doc.get(TITLE_KEY));
                double score = Math.min(1.0, hit.score / self
                        + (sameRequester ? settings.requesterBonus() : 0.0));
                if (score >= threshold) {
                    found.add(new PossibleDuplicate(id, score, reason(sameRequester, sameTitle)));
                }
            }
            found.sort((a, b) -> Double.compare(b.score(), a.score()));
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(boolean sameRequester, boolean sameTitle) {
        List<String> parts = new ArrayList<>(3);
        if (sameRequester) {
            parts.add("same requester");
        }
        parts.add(sameTitle ? "same title" : "similar text");
        return String.join(", ", parts);
    }

    private IndexSearcher searcher() throws IOException {
        if (reader == null) {
            reader = DirectoryReader.open(writer);
        } else if (changed) {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
        }
        changed = false;
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        return searcher;
    }

    /**
     * Returns the BM25 score the report would reach against an exact copy of itself, with the
     * index's figures as they are (document count, document frequencies, average length): the
     * scale of every candidate's score. A word no ticket holds counts in full, since a copy
     * would match it.
     */
    private double selfScore(IndexSearcher searcher, ReportWords.Words terms,
            List<String> queried) throws IOException {
        var stats = searcher.collectionStatistics(TEXT);
        double docs = stats == null ? 1 : stats.docCount();
        double length = terms.all().size();
        double average = stats == null ? length : (double) stats.sumTotalTermFreq() / docs;
        double norm = K1 * (1 - B + B * length / average);
        double self = 0;
        for (String term : queried) {
            double tf = terms.counts().get(term);
            double df = searcher.getIndexReader().docFreq(
                    new org.apache.lucene.index.Term(TEXT, term));
            double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            self += idf * tf / (tf + norm);
        }
        return self;
    }

    private static String requesterKey(Report report) {
        return report.requester().strip().toLowerCase(Locale.ROOT);
    }

    /** Releases the index. */
    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            writer.close();
            directory.close();
            words.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
