package io.pinxit.style.service;

import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNameTakenException;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.catalog.Upload;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.Visibility;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.style.ShippedFastStyle;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts the fast styles that come as model cards into the style library at start-up: each becomes a public saved style
 * of Pinxit's own (its picture an upload, its name and credit from the card) with its network, whose weights are
 * stored like trained ones. Every id derives from the card, so all workers that start write the same rows, once.
 */
@ApplicationScoped
public class ShippedFastStyles {

    /** The owner of the styles Pinxit ships; no account has this id (theirs are time-ordered). */
    public static final UUID PINXIT_OWNER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final String PINXIT_OWNER_NAME = "Pinxit";

    private static final Logger LOG = Logger.getLogger(ShippedFastStyles.class);

    private final FastStyleCards cards;
    private final PictureUploads uploads;
    private final StyleLibrary library;
    private final StyleNetworks networks;
    private final ObjectStore store;
    private final Clock clock;

    ShippedFastStyles(FastStyleCards cards, PictureUploads uploads, StyleLibrary library, StyleNetworks networks,
                      ObjectStore store, Clock clock) {
        this.cards = cards;
        this.uploads = uploads;
        this.library = library;
        this.networks = networks;
        this.store = store;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        offerAll();
    }

    /** Offers every fast style card that is not in the library yet. */
    public void offerAll() {
        for (FastStyleCards.Card card : cards.all()) {
            if (networks.find(networkIdOf(card.card())).isEmpty()) {
                offer(card.card(), card.load());
            }
        }
    }

    /** The saved style a fast style card becomes. */
    public static UUID styleIdOf(ModelCard card) {
        return epochIdOf("fast-style:" + card.id());
    }

    /** The network a fast style card's weights become; other weights under the same id are another network. */
    public static UUID networkIdOf(ModelCard card) {
        return epochIdOf("fast-style-network:" + card.id() + ":" + card.weightsSha256());
    }

    private void offer(ModelCard card, ShippedFastStyle shipped) {
        ModelCard.PaintedStyle painted = card.style();
        Upload picture = uploads.record(shipped.picture(), "the style picture of " + card.id());
        var style = new SavedStyle(styleIdOf(card), painted.name(), new ProvenanceRecord.Credit(painted.source(),
                painted.licence(), painted.attribution()), picture, Visibility.PUBLIC, PINXIT_OWNER, PINXIT_OWNER_NAME,
                clock.instant());
        save(style);
        StoredObject weights = store.putContentAddressed(shipped.weights(), StyleNetworkTraining.WEIGHTS_TYPE,
                StyleNetworkTraining.WEIGHTS_EXTENSION);
        if (networks.record(new StyleNetwork(networkIdOf(card), style.id(), card.id(), null, weights.key(),
                card.weightsSha256(), trainingOf(card), trainedByOf(card), clock.instant()))) {
            LOG.infof("Offered fast style '%s' (model %s) as style %s", painted.name(), card.id(), style.id());
        }
    }

    private void save(SavedStyle style) {
        try {
            library.saveIfAbsent(style);
        } catch (StyleNameTakenException e) {
            // A worker starting at the same moment may have saved it: then the name is taken by this very style.
            if (library.find(style.id()).isEmpty()) {
                throw e;
            }
        }
    }

    private static StyleNetwork.Training trainingOf(ModelCard card) {
        ModelCard.Training training = card.training();
        if (training == null || training.steps() < 1 || training.batchSize() < 1 || training.cropSize() < 1
                || training.styleLoss() == null || training.contentLoss() == null) {
            throw new IllegalStateException("Fast style '" + card.id() + "' must state its training's steps, batch "
                    + "size, crop size and final losses in its card");
        }
        return new StyleNetwork.Training(training.steps(), training.batchSize(), training.cropSize(), training.seed(),
                training.styleLoss(), training.contentLoss());
    }

    private static String trainedByOf(ModelCard card) {
        return card.training().command() != null ? card.training().command() : "shipped with Pinxit";
    }

    /**
     * An id derived from {@code name}, shaped like a time-ordered id made at the Unix epoch: it sorts before every id
     * made since, so a style trained again by a job has a newer network than the shipped one, as
     * {@link StyleNetworks#newestOf} needs.
     */
    private static UUID epochIdOf(String name) {
        var hash = ByteBuffer.wrap(HexFormat.of().parseHex(Sha256.hex(name)));
        long mostSignificant = (0x7L << 12) | (hash.getShort(0) & 0x0FFFL);
        long leastSignificant = (hash.getLong(8) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
