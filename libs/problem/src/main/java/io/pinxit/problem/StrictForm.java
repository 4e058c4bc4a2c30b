package io.pinxit.problem;

import static io.pinxit.problem.ProblemException.invalidField;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * A {@code multipart/form-data} request read as strictly as a JSON body: a part the endpoint does not take is refused,
 * as an unknown JSON property is, and so is a part sent twice or a file part sent as a plain field. Each refusal is a
 * 400 naming the part.
 */
public record StrictForm(Map<String, FormValue> parts) {

    public StrictForm {
        parts = Map.copyOf(parts);
    }

    /** Reads a form of files {@code fileParts} and fields {@code fieldParts} (a field may come as a file too). */
    public static StrictForm read(MultipartFormDataInput input, Set<String> fileParts, Set<String> fieldParts) {
        Map<String, FormValue> parts = new HashMap<>();
        for (Map.Entry<String, Collection<FormValue>> entry : input.getValues().entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw invalidField("(unnamed part)", "has no Content-Disposition with a name; every part needs one");
            }
            if (!fileParts.contains(name) && !fieldParts.contains(name)) {
                throw invalidField(name, "is not a part this endpoint takes; it takes " + describe(fileParts, "files")
                        + (fieldParts.isEmpty() ? "" : " and " + describe(fieldParts, "fields")));
            }
            if (entry.getValue().size() > 1) {
                throw invalidField(name, "is sent more than once");
            }
            FormValue value = entry.getValue().iterator().next();
            if (fileParts.contains(name) && !value.isFileItem()) {
                throw invalidField(name, "must be a file part (with a filename in its Content-Disposition)");
            }
            parts.put(name, value);
        }
        return new StrictForm(parts);
    }

    public Optional<FormValue> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    private static String describe(Set<String> names, String kind) {
        return String.join(", ", new TreeSet<>(names)) + " (" + kind + ")";
    }
}
