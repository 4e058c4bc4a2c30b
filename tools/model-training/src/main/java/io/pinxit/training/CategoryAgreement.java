package io.pinxit.training;

import java.util.List;
import java.util.Locale;

/**
 * How often the classifier's answer matched the category a picture was supposed to show, per label:
 * {@code counts[expected][predicted]}.
 */
record CategoryAgreement(List<String> labels, int[][] counts) {

    static CategoryAgreement empty(List<String> labels) {
        return new CategoryAgreement(labels, new int[labels.size()][labels.size()]);
    }

    void add(int expected, int[] predicted) {
        for (int label : predicted) {
            counts[expected][label]++;
        }
    }

    int total(int expected) {
        int total = 0;
        for (int count : counts[expected]) {
            total += count;
        }
        return total;
    }

    int total() {
        int total = 0;
        for (int label = 0; label < counts.length; label++) {
            total += total(label);
        }
        return total;
    }

    double share(int expected) {
        return (double) counts[expected][expected] / total(expected);
    }

    /** Share of all pictures classified as expected (weights categories by their picture counts). */
    double overall() {
        int right = 0;
        int all = 0;
        for (int label = 0; label < counts.length; label++) {
            right += counts[label][label];
            all += total(label);
        }
        return (double) right / all;
    }

    /** Mean of the per-category shares (every category counts the same). */
    double meanShare() {
        double sum = 0;
        for (int label = 0; label < counts.length; label++) {
            sum += share(label);
        }
        return sum / counts.length;
    }

    /** The label most often given instead of {@code expected}, or "-" when there is none. */
    String mostCommonOther(int expected) {
        int best = -1;
        for (int label = 0; label < counts.length; label++) {
            if (label != expected && counts[expected][label] > 0 && (best < 0 || counts[expected][label] > counts[expected][best])) {
                best = label;
            }
        }
        return best < 0 ? "-" : "%s (%d)".formatted(labels.get(best), counts[expected][best]);
    }

    /** A table: one line per category, then the mean and overall figures. */
    String table() {
        var out = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s %7s  %s%n", "category", "n", "agree", "most common other"));
        for (int label = 0; label < counts.length; label++) {
            out.append(String.format(Locale.ROOT, "%-16s %7d %6.1f%%  %s%n",
                    labels.get(label), total(label), 100 * share(label), mostCommonOther(label)));
        }
        out.append(String.format(Locale.ROOT, "%-16s %7s %6.1f%%%n", "mean of categories", "", 100 * meanShare()));
        out.append(String.format(Locale.ROOT, "%-16s %7s %6.1f%%%n", "overall", "", 100 * overall()));
        return out.toString();
    }
}
