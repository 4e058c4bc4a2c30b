package io.pinxit.gallery.web;

import io.pinxit.gallery.verification.VerificationReport;
import io.pinxit.gallery.verification.VerificationReport.Verdict;
import java.util.List;
import java.util.Locale;

/** A verification report as a person reads it: the verdict in words, and the manifest's generation facts in order. */
record ReportView(VerificationReport findings, String verdict, String verdictStyle, List<Fact> generation) {

    static ReportView of(VerificationReport report) {
        var generation = report.manifest() == null ? List.<Fact>of() : Fact.of(report.manifest().generation());
        return new ReportView(report, inWords(report.verdict()),
                report.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), generation);
    }

    private static String inWords(Verdict verdict) {
        return switch (verdict) {
            case TRUSTED -> "Trusted";
            case VALID_UNTRUSTED -> "Valid, but not from a signer this gallery trusts";
            case INVALID -> "Invalid";
            case UNSIGNED -> "Unsigned";
            case NOT_AN_IMAGE -> "Not a PNG image";
        };
    }
}
