package org.helpdesktriage.core.duplicates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words a finder compares: a report's title (weighted by repetition) and the start of its
 * description, analysed by the settings' analyzer, with texts past the limits cut and counted.
 * Not thread-safe; the finder holds it under its lock.
 */
final class ReportWords {

    /** The analysed words of a report: all in order, counted, and the title's as one key. */
    record Words(List<String> all, Map<String, Integer> counts, String titleKey) {
        int distinct() {
            return counts.size();
        }
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final DuplicateFinder.Settings settings;
    private final Analyzer analyzer;
    private long cut;

    ReportWords(DuplicateFinder.Settings settings) {
        this.settings = settings;
        this.analyzer = settings.englishAnalysis() ? new EnglishAnalyzer()
                : new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    long cut() {
        return cut;
    }

    Words of(DuplicateFinder.Report report) {
        List<String> title = analyse(report.title(), DuplicateFinder.MAX_TOKENS);
        List<String> description = analyse(report.description(), settings.descriptionTokens());
        List<String> all = new ArrayList<>(title.size() * settings.titleWeight()
                + description.size());
        for (int i = 0; i < settings.titleWeight(); i++) {
            all.addAll(title);
        }
        all.addAll(description);
        Map<String, Integer> counts = new LinkedHashMap<>();
        all.forEach(t -> counts.merge(t, 1, Integer::sum));
        return new Words(all, counts, String.join(" ", title));
    }

    private List<String> analyse(String text, int maxTokens) {
        String read = text;
        if (read.length() > DuplicateFinder.MAX_TEXT_CHARS) {
            read = read.substring(0, DuplicateFinder.MAX_TEXT_CHARS);
            cut++;
        }
        // words are runs of letters and digits: "mozilla.org/en-US" is mozilla, org, en, us, as
        // for the rules (TicketText); Lucene's tokenizer would keep "mozilla.org" whole
        read = NOT_WORD.matcher(read).replaceAll(" ");
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", read)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (words.size() == maxTokens) {
                    // the description's limit is a setting; only the hard limit is a cut
                    if (maxTokens == DuplicateFinder.MAX_TOKENS) {
                        cut++;
                    }
                    break;
                }
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    void close() {
        analyzer.close();
    }
}
