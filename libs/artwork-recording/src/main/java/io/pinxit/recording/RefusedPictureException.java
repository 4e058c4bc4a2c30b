package io.pinxit.recording;

import io.pinxit.catalog.ContentCheck;
import java.util.Locale;

/** A picture given to a job that this deployment's content policy refuses to work from. */
public class RefusedPictureException extends RuntimeException {

    private final transient ContentCheck check;

    public RefusedPictureException(String picture, ContentCheck check) {
        super(String.format(Locale.ROOT, "The %s was refused by this deployment's content policy: it is explicit with"
                        + " probability %.2f (porn %.2f, hentai %.2f), at or above the policy's %.2f", picture,
                ContentPolicy.explicit(check.scores()), check.scores().get("porn"),
                check.scores().get("hentai"), check.refuseAt()));
        this.check = check;
    }

    public ContentCheck check() {
        return check;
    }
}
