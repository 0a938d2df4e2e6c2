package org.helpdesktriage.core.internal.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.helpdesktriage.core.duplicates.DuplicateFinder;
import org.helpdesktriage.core.duplicates.PossibleDuplicate;

/**
 * Measures duplicate look-ups on a history with known duplicate links: the links, undirected,
 * group tickets into clusters (a link counts only when both its tickets are in the history);
 * the tickets are replayed in {@code created_at} order, each looked up among the earlier ones
 * before it is added. A ticket with an earlier member of its cluster is a query: its true
 * duplicates are those earlier members. Reports Recall@1/5/10, MRR and MAP over the queries,
 * each with a seeded bootstrap 95% interval, and the precision and recall of the pairs flagged
 * at a threshold (at most top-k per ticket, over every ticket).
 */
public final class DuplicateEvaluation {

    /** The bootstrap's resamples. */
    public static final int RESAMPLES = 2000;

    /**
     * A figure and its bootstrap 95% interval.
     *
     * @param value the figure over all queries
     * @param low the 2.5th percentile of the resampled figures
     * @param high the 97.5th percentile
     */
    public record Interval(double value, double low, double high) {
    }

    /**
     * What a replay measured.
     *
     * @param reports tickets replayed
     * @param queries tickets with an earlier true duplicate
     * @param links links read
     * @param linksOutside links with a ticket not in the history, left out
     * @param recallAt1 share of queries with a true duplicate ranked first
     * @param recallAt5 the same within the first five
     * @param recallAt10 the same within the first ten
     * @param mrr mean reciprocal rank of the first true duplicate
     * @param map mean average precision over each query's true duplicates
     * @param topK the most pairs flagged per ticket
     * @param threshold the lowest score flagged
     * @param flagged pairs flagged
     * @param flaggedTrue flagged pairs that are true duplicates
     * @param truePairs true pairs (a ticket and an earlier member of its cluster)
     * @param cutTexts titles and descriptions cut for being too long
     * @param seed the bootstrap's seed
     */
    public record Result(int reports, int queries, int links, int linksOutside,
            Interval recallAt1, Interval recallAt5, Interval recallAt10, Interval mrr,
            Interval map, int topK, double threshold, long flagged, long flaggedTrue,
            long truePairs, long cutTexts, long seed) {

        /** Returns the share of flagged pairs that are true, or NaN when none was flagged. */
        public double precision() {
            return flagged == 0 ? Double.NaN : (double) flaggedTrue / flagged;
        }

        /** Returns the share of true pairs flagged, or NaN when there are none. */
        public double recall() {
            return truePairs == 0 ? Double.NaN : (double) flaggedTrue / truePairs;
        }
    }

    private DuplicateEvaluation() {
    }

    /**
     * Replays {@code history} and measures the look-ups against {@code links}.
     *
     * @param history the tickets, in any order
     * @param links the known duplicate links
     * @param settings how tickets are compared
     * @param topK the most pairs flagged per ticket, at least 1
     * @param threshold the lowest score flagged, in [0, 1]
     * @param seed the bootstrap's seed
     */
    public static Result run(List<DuplicateHistory.Entry> history,
            List<DuplicateHistory.Link> links, DuplicateFinder.Settings settings, int topK,
            double threshold, long seed) {
        Objects.requireNonNull(settings, "settings");
        if (topK < 1) {
            throw new IllegalArgumentException("topK " + topK + " is below 1");
        }
        List<DuplicateHistory.Entry> replay = new ArrayList<>(history);
        replay.sort(Comparator.comparing(DuplicateHistory.Entry::createdAt));
        Map<String, Integer> order = new HashMap<>();
        for (DuplicateHistory.Entry e : replay) {
            order.put(e.report().id(), order.size());
        }
        Clusters clusters = new Clusters();
        int outside = 0;
        for (DuplicateHistory.Link link : links) {
            if (order.containsKey(link.first()) && order.containsKey(link.second())) {
                clusters.join(link.first(), link.second());
            } else {
                outside++;
            }
        }
        Map<String, Set<String>> members = new HashMap<>();
        for (DuplicateHistory.Entry e : replay) {
            members.computeIfAbsent(clusters.root(e.report().id()), r -> new HashSet<>())
                    .add(e.report().id());
        }
        List<double[]> perQuery = new ArrayList<>();
        long flagged = 0;
        long flaggedTrue = 0;
        long truePairs = 0;
        long cut;
        try (DuplicateFinder finder = DuplicateFinder.create(settings)) {
            for (DuplicateHistory.Entry e : replay) {
                String id = e.report().id();
                int at = order.get(id);
                String root = clusters.root(id);
                Set<String> truth = new HashSet<>();
                for (String m : members.get(root)) {
                    if (order.get(m) < at) {
                        truth.add(m);
                    }
                }
                List<PossibleDuplicate> ranked = finder.size() == 0 ? List.of()
                        : finder.find(e.report(), finder.size());
                if (!truth.isEmpty()) {
                    perQuery.add(figures(ranked, truth));
                    truePairs += truth.size();
                }
                int taken = 0;
                for (PossibleDuplicate p : ranked) {
                    if (taken == topK || p.score() < threshold) {
                        break;
                    }
                    taken++;
                    flagged++;
                    if (truth.contains(p.ticketId())) {
                        flaggedTrue++;
                    }
                }
                finder.add(e.report());
            }
            cut = finder.cutTexts();
        }
        Interval[] intervals = bootstrap(perQuery, seed);
        return new Result(replay.size(), perQuery.size(), links.size(), outside, intervals[0],
                intervals[1], intervals[2], intervals[3], intervals[4], topK, threshold,
                flagged, flaggedTrue, truePairs, cut, seed);
    }

    /** Returns a query's hit@1, hit@5, hit@10, reciprocal rank and average precision. */
    static double[] figures(List<PossibleDuplicate> ranked, Set<String> truth) {
        int first = 0;
        int found = 0;
        double precisionSum = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (truth.contains(ranked.get(i).ticketId())) {
                found++;
                precisionSum += (double) found / (i + 1);
                if (first == 0) {
                    first = i + 1;
                }
            }
        }
        return new double[] {hit(first, 1), hit(first, 5), hit(first, 10),
            first == 0 ? 0 : 1.0 / first, precisionSum / truth.size()};
    }

    private static double hit(int rank, int k) {
        return rank > 0 && rank <= k ? 1 : 0;
    }

    static Interval[] bootstrap(List<double[]> perQuery, long seed) {
        int n = perQuery.size();
        Interval[] out = new Interval[5];
        double[][] resampled = new double[5][RESAMPLES];
        Random random = new Random(seed);
        for (int r = 0; r < RESAMPLES && n > 0; r++) {
            double[] sum = new double[5];
            for (int i = 0; i < n; i++) {
                double[] q = perQuery.get(random.nextInt(n));
                for (int f = 0; f < 5; f++) {
                    sum[f] += q[f];
                }
            }
            for (int f = 0; f < 5; f++) {
                resampled[f][r] = sum[f] / n;
            }
        }
        for (int f = 0; f < 5; f++) {
            double total = 0;
            for (double[] q : perQuery) {
                total += q[f];
            }
            double value = n == 0 ? Double.NaN : total / n;
            if (n == 0) {
                out[f] = new Interval(value, Double.NaN, Double.NaN);
                continue;
            }
            Arrays.sort(resampled[f]);
            out[f] = new Interval(value, resampled[f][(int) Math.floor(0.025 * RESAMPLES)],
                    resampled[f][(int) Math.ceil(0.975 * RESAMPLES) - 1]);
        }
        return out;
    }

    /** Union-find over ticket ids. */
    private static final class Clusters {
        private final Map<String, String> parent = new HashMap<>();

        String root(String id) {
            String r = id;
            while (parent.containsKey(r) && !parent.get(r).equals(r)) {
                r = parent.get(r);
            }
            return r;
        }

        void join(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                parent.put(ra, rb);
            }
        }
    }
}
