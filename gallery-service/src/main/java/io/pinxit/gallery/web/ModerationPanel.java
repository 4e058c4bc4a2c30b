package io.pinxit.gallery.web;

import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Moderation;
import io.pinxit.gallery.security.Viewer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an artwork's page says about its moderation: its state, what the content screen saw (its scores, the policy's
 * thresholds and decision) and every reviewer's decision since; and what this viewer may ask for or do: appeal (the
 * author, when the picture is blurred or hidden), report (anyone else signed in) or review (an administrator).
 */
record ModerationPanel(String state, boolean blurred, boolean withheld, List<Fact> scores, String policy,
                       List<String> decisions, boolean mayAppeal, boolean mayReport, boolean mayReview) {

    static ModerationPanel of(CatalogEntry entry, List<ArtworkReviews.Decision> decisions, Viewer viewer) {
        Moderation moderation = entry.artwork().moderation();
        ContentCheck check = entry.provenance().contentCheck();
        boolean author = viewer.isAuthorOf(entry.artwork());
        return new ModerationPanel(moderation.name().toLowerCase(Locale.ROOT), moderation == Moderation.BLURRED,
                !moderation.isListed(), check == null ? List.of() : Fact.of(rounded(check.scores())),
                check == null ? null : "%s %s decided %s (blurred at %.2f, hidden at %.2f)".formatted(check.model(),
                        check.modelVersion(), lower(check.decision()), check.blurAt(), check.refuseAt()),
                decisions.stream().map(decision -> "%s by a reviewer on %s%s".formatted(lower(decision.moderation()),
                        Instants.utc(decision.decidedAt()), decision.note() == null ? "" : ": " + decision.note()))
                        .toList(),
                author && moderation != Moderation.SHOWN && moderation != Moderation.DELETED,
                viewer.isSignedIn() && !author && moderation.isListed(), viewer.isAdmin());
    }

    private static Map<String, String> rounded(Map<String, Float> scores) {
        Map<String, String> rounded = new TreeMap<>();
        scores.forEach((label, score) -> rounded.put(label, String.format(Locale.ROOT, "%.3f", score)));
        return rounded;
    }

    private static String lower(Moderation moderation) {
        return moderation.name().toLowerCase(Locale.ROOT);
    }
}
