package io.pinxit.gallery.rest;

import io.pinxit.gallery.verification.FileVerifier;
import io.pinxit.gallery.verification.VerificationReport;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Anyone may ask what Pinxit can prove about a picture: send the file itself, or upload it as a form's "file". */
@Path("/api/v1/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private final FileVerifier verifier;

    VerifyResource(FileVerifier verifier) {
        this.verifier = verifier;
    }

    @POST
    @Consumes({"image/png", MediaType.APPLICATION_OCTET_STREAM})
    public VerificationReport verify(byte[] body) {
        return verifier.verify(requireContent(body));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public VerificationReport verifyUpload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST, "The form has no 'file' part",
                    List.of(new Problem.FieldError("file", "is required"))));
        }
        try {
            return verifier.verify(requireContent(Files.readAllBytes(file.uploadedFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded file", e);
        }
    }

    private static byte[] requireContent(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST, "The file is empty",
                    List.of(new Problem.FieldError("file", "is empty"))));
        }
        return body;
    }
}
