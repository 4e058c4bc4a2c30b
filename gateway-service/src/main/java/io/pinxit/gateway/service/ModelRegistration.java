package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelLoadException;
import io.pinxit.inference.ModelShapeMismatchException;
import io.pinxit.inference.WeightHashMismatchException;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import io.pinxit.registry.InvalidModelCardException;
import io.pinxit.registry.ModelIdTakenException;
import io.pinxit.registry.ModelRegistry;
import io.pinxit.registry.RegisteredModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Registers a model an administrator uploads, translating each way it can be refused into its problem type. */
@ApplicationScoped
public class ModelRegistration {

    private final ModelRegistry registry;
    private final ObjectMapper json;

    ModelRegistration(ModelRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    public RegisteredModel register(String cardJson, byte[] weights, String registeredBy) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (cardJson == null || cardJson.isBlank()) {
            missing.add(new Problem.FieldError("card", "must be a JSON model card"));
        }
        if (weights == null || weights.length == 0) {
            missing.add(new Problem.FieldError("weights", "must be the model's weights file"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST,
                    "A model is registered with two parts: card and weights", missing));
        }
        ModelCard card = parse(cardJson);
        try {
            return registry.register(card, weights, registeredBy);
        } catch (InvalidModelCardException e) {
            throw new ProblemException(Problem.of(GatewayProblems.INVALID_MODEL_CARD, e.getMessage(),
                    e.violations().stream()
                            .map(violation -> new Problem.FieldError("card." + violation.field(), violation.message()))
                            .toList()));
        } catch (ModelIdTakenException e) {
            throw new ProblemException(Problem.of(GatewayProblems.MODEL_EXISTS, e.getMessage()));
        } catch (WeightHashMismatchException e) {
            throw new ProblemException(Problem.of(GatewayProblems.WEIGHTS_HASH_MISMATCH,
                    "The weights' sha256 is %s but the card names %s".formatted(e.actualSha256(), e.expectedSha256())));
        } catch (ModelShapeMismatchException e) {
            throw new ProblemException(Problem.of(GatewayProblems.MODEL_SHAPE_MISMATCH,
                    "The card promises output %s for one latent of latentSize %d, but the network %s"
                            .formatted(e.expectedShape(), card.latentSize(), e.actualShape())));
        } catch (ModelLoadException e) {
            throw new ProblemException(Problem.of(GatewayProblems.MODEL_NOT_LOADABLE, e.getMessage()));
        }
    }

    private ModelCard parse(String cardJson) {
        try {
            return json.readValue(cardJson, ModelCard.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(GatewayProblems.INVALID_MODEL_CARD,
                    "The card is not a JSON model card: " + e.getOriginalMessage(),
                    List.of(new Problem.FieldError("card", "must be a JSON model card"))));
        }
    }
}
