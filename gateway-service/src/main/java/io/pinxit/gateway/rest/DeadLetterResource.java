package io.pinxit.gateway.rest;

import io.pinxit.gateway.messaging.DeadLetterTopics;
import io.pinxit.gateway.service.DeadLetter;
import io.pinxit.gateway.service.DeadLetterReplays;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Operators' view of the dead-letter topics: what no service could handle, and why; and the replay of it, which
 * issues the job's command again (see {@link DeadLetterReplays}).
 */
@Tag(name = "Dead letters")
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("scope:jobs:admin")
public class DeadLetterResource {

    private final DeadLetterTopics topics;
    private final DeadLetterReplays replays;

    DeadLetterResource(DeadLetterTopics topics, DeadLetterReplays replays) {
        this.topics = topics;
        this.replays = replays;
    }

    @Operation(operationId = "listDeadLetters", summary = "List a topic's dead letters",
            description = "The dead letters of one topic, oldest first, each with when it was replayed, if it was.")
    @GET
    @Path("{topic}")
    public List<DeadLetter> list(@RestPath String topic,
                                 @RestQuery @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<DeadLetter> letters = topics.read(known(topic), limit);
        Map<String, Instant> replayed = replays.replayedAt(letters);
        return letters.stream().map(letter -> letter.replayedAt(replayed.get(
                DeadLetterReplays.address(letter.topic(), letter.partition(), letter.offset())))).toList();
    }

    @Operation(operationId = "replayDeadLetter", summary = "Replay one dead letter",
            description = "Issues the job of one dead letter again. A dead letter is replayed once; a job that "
                + "succeeded or was cancelled is not run again, and the answer says why.")
    @POST
    @Path("{topic}/{partition}/{offset}/replay")
    public DeadLetterReplays.Replay replay(@RestPath String topic, @RestPath int partition, @RestPath long offset) {
        DeadLetter letter = topics.find(known(topic), partition, offset).orElseThrow(() -> new ProblemException(
                Problem.of(GatewayProblems.DEAD_LETTER_NOT_FOUND, "No dead letter at " + topic + "/" + partition
                        + "/" + offset)));
        return replays.replay(letter);
    }

    @Operation(operationId = "replayDeadLetters", summary = "Replay a topic's dead letters",
            description = "Replays every dead letter of the topic that was not replayed yet (at most `limit`).")
    @POST
    @Path("{topic}/replay")
    public List<DeadLetterReplays.Replay> replayAll(@RestPath String topic,
                                                    @RestQuery @DefaultValue("1000") @Min(1) @Max(1000) int limit) {
        return list(topic, limit).stream().filter(letter -> letter.replayedAt() == null && letter.jobId() != null)
                .map(replays::replay).toList();
    }

    private static String known(String topic) {
        if (!DeadLetterTopics.TOPICS.contains(topic)) {
            throw new ProblemException(Problem.of(ProblemTypes.NOT_FOUND, "No dead-letter topic " + topic
                    + "; the suite's are " + DeadLetterTopics.TOPICS.stream().sorted().toList()));
        }
        return topic;
    }
}
