package io.pinxit.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads {@code multipart/form-data} requests the way JSON bodies are read: a JSON part is parsed as strictly as a
 * body (unknown fields refused) and validated by the same constraints, and each file part must be one the endpoint
 * takes, once. Mistakes are answered with the same problems as for JSON bodies, naming the part.
 */
@ApplicationScoped
class FormParts {

    /** The most a JSON part may be: it describes a request, it does not carry one. */
    private static final long MAX_JSON_PART_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final Validator validator;

    FormParts(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The JSON part {@code name}, sent as a field or as a file, parsed and validated; empty when not sent or null. */
    <T> Optional<T> json(String name, String field, Map<String, FileUpload> files, Class<T> type) {
        String text = field != null ? field : Optional.ofNullable(files.get(name)).map(FormParts::text).orElse(null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        T value;
        try {
            value = json.readValue(text, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().isEmpty() ? name : name + "." + e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = "has the wrong type or format, or is unknown";
            throw new ProblemException(Problem.of(ProblemTypes.MALFORMED_BODY, path + " " + message,
                    List.of(new Problem.FieldError(path, message))));
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(ProblemTypes.MALFORMED_BODY, "Form part '" + name
                    + "' is not well-formed JSON", List.of(new Problem.FieldError(name, "is not well-formed JSON"))));
        }
        if (value == null) {
            return Optional.empty();
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return Optional.of(value);
    }

    /**
     * The file parts by name, refusing any part the endpoint does not take and any part sent twice; {@code jsonParts}
     * may come as files too and are let through.
     */
    static Map<String, FileUpload> files(List<FileUpload> uploads, Set<String> fileParts, Set<String> jsonParts) {
        Map<String, FileUpload> byName = new HashMap<>();
        for (FileUpload upload : uploads) {
            String name = upload.name();
            if (!fileParts.contains(name) && !jsonParts.contains(name)) {
                throw invalid(name, "is not a part this endpoint takes; it takes " + String.join(", ",
                        fileParts.stream().sorted().toList()) + " (files) and " + String.join(", ",
                        jsonParts.stream().sorted().toList()) + " (JSON)");
            }
            if (byName.put(name, upload) != null) {
                throw invalid(name, "is sent more than once");
            }
        }
        return byName;
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST, field + " " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    private static String text(FileUpload upload) {
        if (upload.size() > MAX_JSON_PART_BYTES) {
            throw invalid(upload.name(), "is " + upload.size() + " bytes; a JSON part may be at most "
                    + MAX_JSON_PART_BYTES);
        }
        try {
            return Files.readString(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read form part " + upload.name(), e);
        }
    }
}
