package io.pinxit.gateway.rest;

import static io.pinxit.problem.ProblemException.invalidField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.gateway.service.StyleTransfers.UploadedFile;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import io.pinxit.problem.StrictForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Reads the parts of a {@link StrictForm}: a JSON part is parsed as strictly as a body and validated by the same
 * constraints, and mistakes are answered with the same problems as for JSON bodies, naming the part.
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

    /** The uploaded file of part {@code name}, if it was sent. */
    static Optional<UploadedFile> file(StrictForm form, String name) {
        return form.part(name).map(value -> new UploadedFile(value.getFileName(), value.getFileItem().getFile()));
    }

    /** The text of JSON part {@code name}, sent as a field or as a file; empty when not sent or blank. */
    static Optional<String> text(StrictForm form, String name) {
        return form.part(name).map(value -> value.isFileItem() ? fileText(name, value) : value.getValue())
                .filter(text -> !text.isBlank());
    }

    /** The JSON part {@code name}, parsed and validated; empty when not sent or null. */
    <T> Optional<T> json(StrictForm form, String name, Class<T> type) {
        Optional<String> text = text(form, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        T value;
        try {
            value = json.readValue(text.get(), type);
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

    private static String fileText(String name, FormValue value) {
        try (InputStream in = value.getFileItem().getInputStream()) {
            byte[] bytes = in.readNBytes((int) MAX_JSON_PART_BYTES + 1);
            if (bytes.length > MAX_JSON_PART_BYTES) {
                throw invalidField(name, "is more than " + MAX_JSON_PART_BYTES + " bytes; a JSON part may be at most "
                        + MAX_JSON_PART_BYTES);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read form part " + name, e);
        }
    }
}
