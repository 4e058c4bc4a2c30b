package io.pinxit.gateway.service;

import static io.pinxit.problem.ProblemException.invalidField;

import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.Upload;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.ServedModel;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.contracts.Visibility;
import io.pinxit.contracts.prompt.InvalidPromptException;
import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Accepts the jobs that make pictures, through {@link JobAcceptance}. */
@ApplicationScoped
public class JobSubmission {

    private final JobAcceptance acceptance;
    private final JobStore jobs;
    private final ServedModels servedModels;
    private final Clock clock;
    private final ImageUploads uploads;
    private final Styles styles;
    private final FastStyles fastStyles;
    private final GatewayConfig config;
    private final SecureRandom seeds = new SecureRandom();

    JobSubmission(JobAcceptance acceptance, JobStore jobs, ServedModels servedModels, Clock clock,
                  ImageUploads uploads, Styles styles, FastStyles fastStyles, GatewayConfig config) {
        this.acceptance = acceptance;
        this.jobs = jobs;
        this.servedModels = servedModels;
        this.clock = clock;
        this.uploads = uploads;
        this.styles = styles;
        this.fastStyles = fastStyles;
        this.config = config;
    }

    /** Small jobs go to the interactive lane, so that they never wait behind another account's large ones. */
    private JobLane laneOf(int pictures) {
        return pictures <= config.lanes().interactiveMaxPictures() ? JobLane.INTERACTIVE : JobLane.BULK;
    }

    @Transactional
    public Submission submitGeneration(GenerationRequest request, Author author, Optional<String> idempotencyKey,
                                       boolean mayReadAnyJob) {
        return acceptance.once(author, idempotencyKey, request,
                key -> acceptGeneration(request, author, key, mayReadAnyJob));
    }

    private Submission acceptGeneration(GenerationRequest request, Author author, Optional<IdempotencyKey> key,
                                        boolean mayReadAnyJob) {
        ServedModel model = requireServed(request.model());
        Optional<Job> varied = Optional.ofNullable(request.variationOf())
                .map(artworkId -> variedArtwork(model, artworkId, request.label(), author, mayReadAnyJob));
        String label = varied.map(job -> (String) job.request().get("label")).orElse(request.label());
        requireLabelOf(model, label);
        requirePromptOf(model, request.prompt());
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(GenerationRequest.MAX_SEED);
        Instant now = clock.instant();
        var authorship = authorship(author, request.title(), request.description(), request.licence(),
                request.visibility(), varied);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("model", request.model());
        if (label != null) {
            accepted.put("label", label);
        }
        if (request.prompt() != null) {
            accepted.put("prompt", request.prompt());
        }
        accepted.put("count", request.count());
        accepted.put("seed", seed);
        accepted.put("upscale", request.upscale());
        double strength = request.strength() != null ? request.strength() : GenerationRequest.DEFAULT_STRENGTH;
        if (varied.isPresent()) {
            accepted.put("variationOf", request.variationOf());
            accepted.put("strength", strength);
        }
        accepted.put("webhook", request.webhook());
        putAuthorship(accepted, authorship);
        return acceptance.accept(JobKind.GENERATION, laneOf(request.count()), author, accepted, key, now, job -> {
            var plain = GenerationCommand.of(job.id(), request.model(), request.count(), seed, authorship, now)
                    .withLabel(label)
                    .withPrompt(request.prompt());
            var command = varied.isPresent() ? plain.withVariationOf(request.variationOf(), strength) : plain;
            return request.upscale() == null ? command : command.withUpscale(request.upscale());
        });
    }

    /**
     * Walks a VAE's latent space between two ends, each a seed or an artwork the same model made that the author may
     * see. The frames' licence and visibility default to the first end artwork's, so that an interpolation never
     * publishes or relicenses a picture by default.
     */
    @Transactional
    public Submission submitInterpolation(InterpolationRequest request, Author author, Optional<String> idempotencyKey,
                                          boolean mayReadAnyJob) {
        return acceptance.once(author, idempotencyKey, request,
                key -> acceptInterpolation(request, author, key, mayReadAnyJob));
    }

    private Submission acceptInterpolation(InterpolationRequest request, Author author, Optional<IdempotencyKey> key,
                                           boolean mayReadAnyJob) {
        ServedModel model = requireServed(request.model());
        if (!model.reachesLatentSpace()) {
            throw noLatentSpace(model, "model", "interpolate");
        }
        Optional<Job> fromJob = endpointJob(model, "from", request.from(), author, mayReadAnyJob);
        Optional<Job> toJob = endpointJob(model, "to", request.to(), author, mayReadAnyJob);
        Instant now = clock.instant();
        var authorship = authorship(author, request.title(), request.description(), request.licence(),
                request.visibility(), fromJob.or(() -> toJob));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("model", request.model());
        accepted.put("from", describe(request.from()));
        accepted.put("to", describe(request.to()));
        accepted.put("frames", request.framesOrDefault());
        accepted.put("frameMillis", request.frameMillisOrDefault());
        accepted.put("webhook", request.webhook());
        putAuthorship(accepted, authorship);
        return acceptance.accept(JobKind.INTERPOLATION, author, accepted, key, now, job ->
                InterpolationCommand.of(job.id(), request.model(), endpoint(request.from()), endpoint(request.to()),
                        request.framesOrDefault(), request.frameMillisOrDefault(), authorship, now));
    }

    /**
     * Enlarges an artwork the author may see. The new picture's licence and visibility default to its parent's, so
     * that upscaling never publishes or relicenses a picture by default.
     */
    @Transactional
    public Submission submitUpscale(UpscaleRequest request, Author author, Optional<String> idempotencyKey,
                                    boolean mayReadAnyJob) {
        return acceptance.once(author, idempotencyKey, request,
                key -> acceptUpscale(request, author, key, mayReadAnyJob));
    }

    private Submission acceptUpscale(UpscaleRequest request, Author author, Optional<IdempotencyKey> key,
                                     boolean mayReadAnyJob) {
        Job parentJob = visibleArtwork(request.artworkId(), author, mayReadAnyJob);
        Instant now = clock.instant();
        var authorship = authorship(author, request.title(), request.description(), request.licence(),
                request.visibility(), Optional.of(parentJob));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("artworkId", request.artworkId());
        accepted.put("factor", request.factor());
        accepted.put("webhook", request.webhook());
        putAuthorship(accepted, authorship);
        return acceptance.accept(JobKind.UPSCALE, author, accepted, key, now, job ->
                UpscaleCommand.of(job.id(), request.artworkId(), request.factor(), authorship, now));
    }

    /**
     * Paints a content picture in the manner of a style picture: each an artwork the author may see, a picture uploaded
     * with the request (recorded here, in the job's transaction), or, for the style, a saved style the author may use.
     * The new picture's licence defaults to the content artwork's, and its visibility to the most private of the input
     * artworks', so that styling never publishes or relicenses a picture by default.
     */
    @Transactional
    public Submission submitStyleTransfer(StyleTransfer transfer, Author author, Optional<String> idempotencyKey,
                                          boolean mayReadAnyJob) {
        return acceptance.once(author, idempotencyKey, transfer.identity(),
                key -> acceptStyleTransfer(transfer, author, key, mayReadAnyJob));
    }

    private Submission acceptStyleTransfer(StyleTransfer transfer, Author author, Optional<IdempotencyKey> key,
                                           boolean mayReadAnyJob) {
        StyleTransferRequest request = transfer.request();
        Optional<Job> contentJob = inputArtwork("content.artworkId", request.content(), author, mayReadAnyJob);
        Optional<Job> styleJob = inputArtwork("style.artworkId", request.style(), author, mayReadAnyJob);
        Optional<SavedStyle> savedStyle = Optional.ofNullable(request.style()).map(StyleTransferRequest.Source::styleId)
                .map(styleId -> styles.visible(styleId, author.id(), mayReadAnyJob));
        Optional<StyleNetwork> network = fastStyles.choose(request.methodOrDefault(), savedStyle);
        Optional<Upload> contentUpload = transfer.contentUpload().map(uploads::record);
        Optional<Upload> styleUpload = transfer.styleUpload().map(uploads::record);

        StyleCommand.Input content = contentJob.isPresent()
                ? StyleCommand.Input.ofArtwork(request.content().artworkId())
                : StyleCommand.Input.ofUpload(contentUpload.orElseThrow().image());
        StyleCommand.Input style;
        if (styleJob.isPresent()) {
            style = StyleCommand.Input.ofArtwork(request.style().artworkId());
        } else if (savedStyle.isPresent()) {
            var credit = savedStyle.get().credit();
            style = StyleCommand.Input.ofSavedStyle(savedStyle.get().id(), savedStyle.get().image().image(),
                    new StyleCommand.Credit(credit.source(), credit.licence(), credit.attribution()));
        } else {
            style = StyleCommand.Input.ofUpload(styleUpload.orElseThrow().image());
        }
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(GenerationRequest.MAX_SEED);
        Visibility visibility = request.visibility() != null ? request.visibility()
                : Stream.of(contentJob, styleJob).flatMap(Optional::stream).map(JobSubmission::visibilityOf)
                .max(Comparator.naturalOrder()).orElse(Visibility.PUBLIC);
        var authorship = authorship(author, request.title(), request.description(), request.licence(), visibility,
                contentJob);
        Instant now = clock.instant();
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("content", describe(content, contentUpload, savedStyle));
        accepted.put("style", describe(style, styleUpload, savedStyle));
        accepted.put("method", network.isPresent() ? StyleMethod.FAST : StyleMethod.NEURAL);
        network.ifPresent(chosen -> accepted.put("styleNetworkId", chosen.id()));
        accepted.put("strength", request.strengthOrDefault());
        accepted.put("preserveColor", request.preserveColorOrDefault());
        accepted.put("size", request.sizeOrDefault());
        accepted.put("seed", seed);
        accepted.put("webhook", request.webhook());
        putAuthorship(accepted, authorship);
        return acceptance.accept(JobKind.STYLE_TRANSFER, author, accepted, key, now, job -> {
            var command = StyleCommand.of(job.id(), content, style, request.strengthOrDefault(),
                    request.preserveColorOrDefault(), request.sizeOrDefault(), seed, authorship, now);
            return network.map(chosen -> command.withFastStyleNetwork(chosen.id())).orElse(command);
        });
    }

    /**
     * Re-runs the job that made an artwork, with the model, seed and count it recorded, to show whether the same
     * pixels come out again. Anyone who may see the artwork may ask; only generated artworks can be reproduced.
     */
    @Transactional
    public Submission submitReproduction(UUID artworkId, Author author, boolean mayReadAnyJob) {
        Job original = visibleArtwork(artworkId, author, mayReadAnyJob);
        if (!madeByAGenerator(original, artworkId) || original.request().containsKey("variationOf")) {
            throw new ProblemException(Problem.of(GatewayProblems.ARTWORK_NOT_REPRODUCIBLE, "Artwork " + artworkId
                    + " was not generated from a seed alone (it is an upscale, a variation or a frame); reproduce the"
                    + " artwork it was made from"));
        }
        String model = (String) original.request().get("model");
        int count = ((Number) original.request().get("count")).intValue();
        long seed = ((Number) original.request().get("seed")).longValue();
        Instant now = clock.instant();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reproductionOf", artworkId);
        request.put("model", model);
        request.put("count", count);
        request.put("seed", seed);
        String label = (String) original.request().get("label");
        if (label != null) {
            request.put("label", label);
        }
        String prompt = (String) original.request().get("prompt");
        if (prompt != null) {
            request.put("prompt", prompt);
        }
        var authorship = new Authorship(author.id(), author.name(), null, null, Authorship.ALL_RIGHTS_RESERVED,
                Visibility.PRIVATE);
        return acceptance.accept(JobKind.GENERATION, laneOf(count), author, request, Optional.empty(), now, job ->
                GenerationCommand.reproducing(artworkId, job.id(), model, count, seed, authorship, now)
                        .withLabel(label)
                        .withPrompt(prompt));
    }

    /**
     * The job that made an artwork the author may see: their own, or one that is not private (an admin sees all).
     * Any other artwork is answered as if it did not exist.
     */
    private Job visibleArtwork(UUID artworkId, Author author, boolean mayReadAnyJob) {
        return findVisibleArtwork(artworkId, author, mayReadAnyJob)
                .orElseThrow(() -> new ProblemException(Problem.of(GatewayProblems.ARTWORK_NOT_FOUND,
                        "There is no artwork " + artworkId + " made by a job of this gateway")));
    }

    private Optional<Job> findVisibleArtwork(UUID artworkId, Author author, boolean mayReadAnyJob) {
        return jobs.findByArtwork(artworkId)
                .filter(job -> mayReadAnyJob || author.id().equals(job.authorId())
                        || !Visibility.PRIVATE.name().equals(job.request().get("visibility")));
    }

    /** The job that made an input artwork given by reference, answering for {@code field} when there is none to see. */
    private Optional<Job> inputArtwork(String field, StyleTransferRequest.Source source, Author author,
                                       boolean mayReadAnyJob) {
        if (source == null || source.artworkId() == null) {
            return Optional.empty();
        }
        return Optional.of(findVisibleArtwork(source.artworkId(), author, mayReadAnyJob).orElseThrow(() -> {
            String message = "there is no artwork " + source.artworkId() + " made by a job of this gateway";
            return new ProblemException(Problem.of(GatewayProblems.ARTWORK_NOT_FOUND, field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }));
    }

    private static Visibility visibilityOf(Job job) {
        return Visibility.valueOf(String.valueOf(job.request().getOrDefault("visibility", Visibility.PUBLIC)));
    }

    /** An input as the job records it: the artwork, the saved style, or the facts of the uploaded picture. */
    private static Map<String, Object> describe(StyleCommand.Input input, Optional<Upload> upload,
                                                Optional<SavedStyle> savedStyle) {
        Map<String, Object> described = new LinkedHashMap<>();
        switch (input.source()) {
            case ARTWORK -> described.put("artworkId", input.artworkId());
            case SAVED_STYLE -> {
                described.put("styleId", input.styleId());
                described.put("name", savedStyle.orElseThrow().name());
                described.put("credit", input.credit());
            }
            case UPLOAD -> {
                Upload uploaded = upload.orElseThrow();
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("sha256", uploaded.sha256());
                facts.put("format", uploaded.format());
                facts.put("byteSize", uploaded.byteSize());
                facts.put("width", uploaded.image().width());
                facts.put("height", uploaded.image().height());
                described.put("upload", facts);
            }
        }
        return described;
    }

    /** Whether the artwork is one of the pictures its generation job made, rather than one of their upscales. */
    private static boolean madeByAGenerator(Job job, UUID artworkId) {
        if (job.kind() != JobKind.GENERATION) {
            return false;
        }
        Object count = job.request().get("count");
        return job.request().get("upscale") == null
                || (count instanceof Number number && job.artworkIds().indexOf(artworkId) < number.intValue());
    }

    /**
     * The authorship of a new picture: a missing licence or visibility is that of the job that made the picture it
     * derives from, if any, else all rights reserved and public.
     */
    private static Authorship authorship(Author author, String title, String description, String licence,
                                         Visibility visibility, Optional<Job> derivedFrom) {
        return new Authorship(author.id(), author.name(), title, description,
                licence != null ? licence : derivedFrom
                        .map(job -> String.valueOf(job.request().getOrDefault("licence", Authorship.ALL_RIGHTS_RESERVED)))
                        .orElse(Authorship.ALL_RIGHTS_RESERVED),
                visibility != null ? visibility : derivedFrom
                        .map(job -> Visibility.valueOf(String.valueOf(job.request().getOrDefault("visibility",
                                Visibility.PUBLIC))))
                        .orElse(Visibility.PUBLIC));
    }

    /** The job that made an artwork a variation may start from: a picture the same VAE made, of its label. */
    private Job variedArtwork(ServedModel model, UUID artworkId, String label, Author author, boolean mayReadAnyJob) {
        if (!model.reachesLatentSpace()) {
            throw noLatentSpace(model, "variationOf", "make variations");
        }
        if (label != null) {
            throw invalidField("label", "must be left out with variationOf: a variation keeps the label of the "
                    + "artwork it varies");
        }
        return pictureOfModel(model, "variationOf", artworkId, author, mayReadAnyJob);
    }

    private Optional<Job> endpointJob(ServedModel model, String field, InterpolationRequest.End end, Author author,
                                      boolean mayReadAnyJob) {
        if (end.artworkId() == null) {
            requireLabelOf(model, end.label(), field + ".label");
            return Optional.empty();
        }
        return Optional.of(pictureOfModel(model, field + ".artworkId", end.artworkId(), author, mayReadAnyJob));
    }

    /** The job that made a picture (not an upscale of one) that {@code model} made and the author may see. */
    private Job pictureOfModel(ServedModel model, String field, UUID artworkId, Author author, boolean mayReadAnyJob) {
        Job job = visibleArtwork(artworkId, author, mayReadAnyJob);
        if (!model.id().equals(job.request().get("model")) || !madeByAGenerator(job, artworkId)) {
            throw invalidField(field, "artwork " + artworkId + " is not a picture made by model '" + model.id() + "'");
        }
        return job;
    }

    private static Map<String, Object> describe(InterpolationRequest.End end) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("artworkId", end.artworkId());
        described.put("seed", end.seed());
        described.put("label", end.label());
        described.values().removeIf(Objects::isNull);
        return described;
    }

    private static InterpolationCommand.Endpoint endpoint(InterpolationRequest.End end) {
        return end.artworkId() != null ? InterpolationCommand.Endpoint.ofArtwork(end.artworkId())
                : InterpolationCommand.Endpoint.ofSeed(end.seed(), end.label());
    }

    private static ProblemException noLatentSpace(ServedModel model, String field, String what) {
        return invalidField(field, "model '" + model.id() + "' is a " + model.family() + " and cannot " + what
                + "; only a model of family " + ServedModel.VAE_FAMILY + " can");
    }

    /** Adds the authorship of what the job makes, and drops what the request left out. */
    private static void putAuthorship(Map<String, Object> request, Authorship authorship) {
        request.put("title", authorship.title());
        request.put("description", authorship.description());
        request.put("licence", authorship.licence());
        request.put("visibility", authorship.visibility());
        request.values().removeIf(Objects::isNull);
    }

    private ServedModel requireServed(String model) {
        List<ServedModel> served = servedModels.current(JobKind.GENERATION);
        return served.stream().filter(candidate -> candidate.id().equals(model)).findFirst().orElseThrow(() -> {
            String known = served.isEmpty() ? "none is being served right now"
                    : served.stream().map(ServedModel::id).collect(Collectors.joining(", "));
            String message = "is not a served model; served models: " + known;
            return new ProblemException(Problem.of(GatewayProblems.UNKNOWN_MODEL, "model '" + model + "' " + message,
                    List.of(new Problem.FieldError("model", message))));
        });
    }

    /** A conditional model needs one of the labels its card lists; any other model takes none. */
    private static void requireLabelOf(ServedModel model, String label) {
        requireLabelOf(model, label, "label");
    }

    /**
     * A prompt model needs a prompt of words its card's vocabulary lists, read as its worker will read it; any other
     * model takes none. An unknown word is refused naming the nearest known ones.
     */
    private void requirePromptOf(ServedModel model, String prompt) {
        Optional<PromptVocabulary> vocabulary = servedModels.vocabularyOf(model);
        if (vocabulary.isEmpty()) {
            if (prompt != null) {
                throw invalidField("prompt", "model '" + model.id() + "' takes no prompt");
            }
            return;
        }
        if (prompt == null) {
            throw invalidField("prompt", "is required by model '" + model.id()
                    + "', which draws from a few words such as \"smiling cat\"");
        }
        try {
            vocabulary.get().read(prompt);
        } catch (InvalidPromptException e) {
            throw invalidField("prompt", e.getMessage());
        }
    }

    private static void requireLabelOf(ServedModel model, String label, String field) {
        List<String> labels = new ArrayList<>();
        if (model.card() != null) {
            model.card().path("labels").forEach(known -> labels.add(known.asText()));
        }
        String message;
        if (labels.isEmpty() && label != null) {
            message = "model '" + model.id() + "' takes no label";
        } else if (!labels.isEmpty() && !labels.contains(label)) {
            message = (label == null ? "is required by model '" + model.id() + "'" : "'" + label
                    + "' is not a label of model '" + model.id() + "'") + "; valid labels: " + String.join(", ", labels);
        } else {
            return;
        }
        throw invalidField(field, message);
    }
}
