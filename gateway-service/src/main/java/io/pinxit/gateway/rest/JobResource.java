package io.pinxit.gateway.rest;

import static io.pinxit.gateway.rest.AcceptedJobs.IDEMPOTENCY_KEY;
import static io.pinxit.gateway.rest.AcceptedJobs.IDEMPOTENCY_KEY_MESSAGE;

import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.gateway.service.GenerationRequest;
import io.pinxit.gateway.service.InterpolationRequest;
import io.pinxit.gateway.service.Job;
import io.pinxit.gateway.service.JobCancellations;
import io.pinxit.gateway.service.JobFilter;
import io.pinxit.gateway.service.JobStore;
import io.pinxit.gateway.service.JobSubmission;
import io.pinxit.gateway.service.JobUpdates;
import io.pinxit.gateway.service.StyleTransfer;
import io.pinxit.gateway.service.StyleTransferRequest;
import io.pinxit.gateway.service.StyleTransfers;
import io.pinxit.gateway.service.UpscaleRequest;
import io.pinxit.gateway.service.WebhookDeliveries;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.StrictForm;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

@Tag(name = "Jobs")
@Path(JobResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    static final String PATH = "/api/v1/jobs";
    private static final int DEFAULT_LIMIT = 20;
    private static final String REQUEST_PART = "request";

    private final JobSubmission submission;
    private final AcceptedJobs accepted;
    private final JobStore jobs;
    private final JobViews views;
    private final JobUpdates updates;
    private final StyleTransfers styleTransfers;
    private final JobCancellations cancellations;
    private final FormParts forms;
    private final WebhookDeliveries deliveries;
    private final Caller caller;

    JobResource(JobSubmission submission, AcceptedJobs accepted, JobStore jobs, JobViews views, JobUpdates updates,
                StyleTransfers styleTransfers, JobCancellations cancellations, FormParts forms,
                WebhookDeliveries deliveries, Caller caller) {
        this.submission = submission;
        this.accepted = accepted;
        this.jobs = jobs;
        this.views = views;
        this.updates = updates;
        this.styleTransfers = styleTransfers;
        this.cancellations = cancellations;
        this.forms = forms;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @Operation(operationId = "submitGeneration", summary = "Submit a generation job",
            description = "Accepts a generation job; retrying with the same Idempotency-Key returns the same job.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @Path("generations")
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitGeneration(@Valid @NotNull GenerationRequest body,
                                     @RestHeader("Idempotency-Key")
                                     @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE)
                                     String idempotencyKey) {
        return accepted.submit(body, idempotencyKey,
                (author, key) -> submission.submitGeneration(body, author, key, caller.isAdmin()));
    }

    @Operation(operationId = "submitUpscale", summary = "Submit an upscale job",
            description = "Accepts a job that enlarges an artwork the caller may see; Idempotency-Key works as for "
                + "generations.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @Path("upscales")
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitUpscale(@Valid @NotNull UpscaleRequest body,
                                  @RestHeader("Idempotency-Key")
                                  @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE)
                                  String idempotencyKey) {
        return accepted.submit(body, idempotencyKey,
                (author, key) -> submission.submitUpscale(body, author, key, caller.isAdmin()));
    }

    @Operation(operationId = "submitInterpolation", summary = "Submit an interpolation job",
            description = "Accepts a job that walks a VAE's latent space between two seeds or two artworks the "
                + "caller may see, recording the frames and an animated PNG of them; Idempotency-Key works "
                + "as for generations.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @Path("interpolations")
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitInterpolation(@Valid @NotNull InterpolationRequest body,
                                        @RestHeader("Idempotency-Key")
                                        @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE)
                                        String idempotencyKey) {
        return accepted.submit(body, idempotencyKey,
                (author, key) -> submission.submitInterpolation(body, author, key, caller.isAdmin()));
    }

    @Operation(operationId = "submitStyleTransfer", summary = "Submit a style transfer job",
            description = "Accepts a job that paints a content picture in the manner of a style picture. As JSON, "
                + "both are given by reference (an artwork the caller may see; for the style, a saved style "
                + "too); as multipart/form-data, the form part `request` holds the JSON request (optional "
                + "when both pictures are uploaded) and the file parts `content` and `style` the pictures "
                + "(PNG, JPEG or WebP). Retrying with the same Idempotency-Key returns the same job.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @Path("style-transfers")
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitStyleTransfer(@Valid @NotNull StyleTransferRequest body,
                                        @RestHeader("Idempotency-Key")
                                        @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE)
                                        String idempotencyKey) {
        return styleTransfer(body, Optional.empty(), Optional.empty(), idempotencyKey);
    }

    /** The same with pictures uploaded: the form's parts are described with the JSON variant above. */
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
        @SchemaProperty(name = "request", type = SchemaType.STRING, description = "The JSON request"),
        @SchemaProperty(name = StyleTransfers.CONTENT_PART, type = SchemaType.STRING, format = "binary"),
        @SchemaProperty(name = StyleTransfers.STYLE_PART, type = SchemaType.STRING, format = "binary")})))
    @POST
    @Path("style-transfers")
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submitStyleTransferWithPictures(
            MultipartFormDataInput input,
            @RestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE)
            String idempotencyKey) {
        StrictForm form = StrictForm.read(input, Set.of(StyleTransfers.CONTENT_PART, StyleTransfers.STYLE_PART),
                Set.of(REQUEST_PART));
        StyleTransferRequest body = forms.json(form, REQUEST_PART, StyleTransferRequest.class)
                .orElse(StyleTransferRequest.EMPTY);
        return styleTransfer(body, FormParts.file(form, StyleTransfers.CONTENT_PART),
                FormParts.file(form, StyleTransfers.STYLE_PART), idempotencyKey);
    }

    private Response styleTransfer(StyleTransferRequest body, Optional<StyleTransfers.UploadedFile> content,
                                   Optional<StyleTransfers.UploadedFile> style, String idempotencyKey) {
        StyleTransfer transfer = styleTransfers.prepare(body, content, style);
        return accepted.submit(transfer.identity(), idempotencyKey,
                (author, key) -> submission.submitStyleTransfer(transfer, author, key, caller.isAdmin()));
    }

    /** A page of jobs, newest first, with the cursor of the next page when there is one. */
    public record JobPage(List<JobView> items, String next) {
    }

    @Operation(operationId = "listJobs", summary = "List my jobs",
            description = "The caller's jobs (an administrator's: anyone's, with `author`), newest first, a page at "
                + "a time; follow `next` (or the Link header) for the next page. Optional filters: `state` "
                + "and `kind` (comma-separated), `model`, `from` and `until` (RFC 3339 instants the job was "
                + "submitted at or after, and before), `author` (an account id, or `all`).")
    @APIResponse(responseCode = "200", description = "A page of jobs, newest first",
            content = @Content(schema = @Schema(implementation = JobPage.class)))
    @GET
    @RolesAllowed("scope:jobs:read")
    public Response list(@RestQuery @Min(1) @Max(100) Integer limit, @RestQuery String cursor,
                         @RestQuery String state, @RestQuery String kind, @RestQuery String model,
                         @RestQuery String from, @RestQuery String until, @RestQuery String author,
                         @Context UriInfo request) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        JobFilter filter = JobQuery.parse(caller.accountId(), caller.isAdmin(), state, kind, model, from, until,
                author);
        List<Job> rows = jobs.list(filter, size + 1, PageCursor.olderThan(cursor));
        List<Job> page = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? page.get(page.size() - 1).id().toString() : null;
        Response.ResponseBuilder response = Response.ok(new JobPage(page.stream().map(views::of).toList(), next));
        if (next != null) {
            URI nextPage = request.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
            response.header("Link", "<" + nextPage.getRawPath() + "?" + nextPage.getRawQuery() + ">; rel=\"next\"");
        }
        return response.build();
    }

    @Operation(operationId = "getJob", summary = "Get a job",
            description = "The job as it is now: its state, its request, what it made, its latest progress and why "
                + "it failed, if it did. Another author's job is answered as one that does not exist.")
    @GET
    @Path("{id}")
    @RolesAllowed("scope:jobs:read")
    public JobView job(@RestPath UUID id) {
        return views.of(find(id));
    }

    @Operation(operationId = "cancelJob", summary = "Cancel a job",
            description = "Cancels a queued or running job of the caller's (an administrator's: anyone's). Workers "
                + "drop its command or stop it at its next item or step; what it recorded before stays, "
                + "nothing is recorded after.")
    @DELETE
    @Path("{id}")
    @RolesAllowed("scope:jobs:submit")
    public JobView cancel(@RestPath UUID id) {
        return views.of(cancellations.cancel(find(id)));
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List a job's webhook deliveries",
            description = "What the caller's webhook was told of this job, oldest first: each change of state, its "
                + "attempts, when it was delivered or given up, and the receiver's last status or error.")
    @GET
    @Path("{id}/webhook-deliveries")
    @RolesAllowed("scope:jobs:read")
    public List<WebhookDeliveries.Attempts> webhookDeliveries(@RestPath UUID id) {
        return deliveries.of(find(id).id());
    }

    @Operation(operationId = "followJob", summary = "Follow a job as it changes",
            description = "The job's state now and each later change, until it ends.")
    @GET
    @Path("{id}/events")
    @RolesAllowed("scope:jobs:read")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<JobView> events(@RestPath UUID id) {
        Job current = find(id);
        if (current.state().isTerminal()) {
            return Multi.createFrom().item(views.of(current));
        }
        // Subscribe to live changes before reading the stored state, so that no change falls between the two.
        Multi<Job> stored = Uni.createFrom().item(() -> jobs.find(id).orElse(current))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).toMulti();
        Multi<Job> changes = Multi.createBy().merging().streams(updates.of(id), stored);
        return Multi.createFrom().<JobView>emitter(emitter -> {
            var subscription = changes.map(views::of).skip().repetitions().subscribe().with(view -> {
                emitter.emit(view);
                if (view.state().isTerminal()) {
                    emitter.complete();
                }
            }, emitter::fail);
            emitter.onTermination(subscription::cancel);
        });
    }

    /** A job the caller may see; another author's job is answered exactly as a job that does not exist. */
    private Job find(UUID id) {
        return jobs.find(id).filter(job -> caller.maySee(job.authorId())).orElseThrow(() -> new ProblemException(
                Problem.of(GatewayProblems.JOB_NOT_FOUND, "There is no job " + id)));
    }
}
