package io.pinxit.style.service;

import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.inference.style.FastStyleSchedule;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.inference.style.TrainedFastStyle;
import io.pinxit.inference.style.TrainingPhotos;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import io.pinxit.style.config.StyleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Learns a saved style into a fast style network over the shipped training photos, stores its weights
 * content-addressed and records the network beside the style. Safe to repeat: a job whose network is recorded is not
 * trained again.
 */
@ApplicationScoped
public class StyleNetworkTraining {

    static final String WEIGHTS_TYPE = "application/octet-stream";
    static final String WEIGHTS_EXTENSION = "params";

    private final ServedStyleTransfer served;
    private final StyleLibrary library;
    private final StyleNetworks networks;
    private final StyleInputs inputs;
    private final ObjectStore store;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final StyleConfig.Training settings;
    private final String workerId;

    StyleNetworkTraining(ServedStyleTransfer served, StyleLibrary library, StyleNetworks networks, StyleInputs inputs,
                         ObjectStore store, TimeOrderedIds ids, Clock clock, StyleConfig config,
                         @ConfigProperty(name = "pinxit.worker.id") String workerId) {
        this.served = served;
        this.library = library;
        this.networks = networks;
        this.inputs = inputs;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.settings = config.training();
        this.workerId = workerId;
    }

    /**
     * The network the job made: trained now, or as an earlier delivery of the job recorded it.
     *
     * @throws StyleNotFoundException when the style is not in the library
     * @throws io.pinxit.storage.ObjectNotFoundException when the style's picture is not stored
     */
    StyleNetwork train(StyleTrainingCommand command, StyleProgress progress) {
        var recorded = networks.ofJob(command.jobId());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        library.find(command.styleId()).orElseThrow(() -> new StyleNotFoundException(command.styleId()));
        BufferedImage style = inputs.picture(command.picture());
        var schedule = new FastStyleSchedule(command.steps(), settings.batchSize(), settings.cropSize(),
                command.seed());
        // The photos are read for each training rather than held: tens of megabytes, decoded, for a job of hours.
        TrainedFastStyle trained = served.train(style, TrainingPhotos.fromClasspath(), schedule, progress);
        StoredObject weights = store.putContentAddressed(trained.weights(), WEIGHTS_TYPE, WEIGHTS_EXTENSION);
        networks.record(new StyleNetwork(ids.next(), command.styleId(), null, command.jobId(), weights.key(),
                trained.sha256(), new StyleNetwork.Training(schedule.steps(), schedule.batchSize(),
                        schedule.cropSize(), schedule.seed(), trained.styleLoss(), trained.contentLoss()),
                workerId, clock.instant()));
        return networks.ofJob(command.jobId()).orElseThrow();
    }
}
