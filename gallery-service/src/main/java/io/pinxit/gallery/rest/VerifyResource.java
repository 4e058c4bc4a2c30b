package io.pinxit.gallery.rest;

import static io.pinxit.problem.ProblemException.invalidField;

import io.pinxit.gallery.verification.FileVerifier;
import io.pinxit.gallery.verification.VerificationReport;
import io.pinxit.problem.StrictForm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Anyone may ask what Pinxit can prove about a picture: send the file itself, or upload it as a form's "file". */
@Tag(name = "Verification")
@Path("/api/v1/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private static final String FILE_PART = "file";

    private final FileVerifier verifier;

    VerifyResource(FileVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(operationId = "verifyPicture", summary = "Verify a picture",
            description = "Says what Pinxit can prove about a picture: whether it carries a signed C2PA manifest, "
                + "who signed it, whether the pixels are still the signed ones and whether this gallery "
                + "made it. Send the file itself (image/png or application/octet-stream) or upload it as "
                + "the `file` part of a multipart/form-data form, up to 20 MB.")
    @POST
    @Consumes({"image/png", MediaType.APPLICATION_OCTET_STREAM})
    public VerificationReport verify(byte[] body) {
        return verifier.verify(requireContent(body));
    }

    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties =
        @SchemaProperty(name = FILE_PART, type = SchemaType.STRING, format = "binary"))))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public VerificationReport verifyUpload(MultipartFormDataInput input) {
        FormValue file = StrictForm.read(input, Set.of(FILE_PART), Set.of()).part(FILE_PART)
                .orElseThrow(() -> invalidField(FILE_PART, "is required"));
        try {
            return verifier.verify(requireContent(Files.readAllBytes(file.getFileItem().getFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded file", e);
        }
    }

    private static byte[] requireContent(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalidField(FILE_PART, "is empty");
        }
        return body;
    }
}
