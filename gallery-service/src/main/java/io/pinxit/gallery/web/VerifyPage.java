package io.pinxit.gallery.web;

import io.pinxit.gallery.verification.FileVerifier;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Lets anyone upload a picture and read, in words, what this gallery can prove about it. */
@Path("/verify")
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    private final FileVerifier verifier;

    VerifyPage(FileVerifier verifier) {
        this.verifier = verifier;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String message);

        static native TemplateInstance report(ReportView report);
    }

    @GET
    public TemplateInstance form() {
        return Templates.form(null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response verify(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form("No file arrived, or it was empty. Choose a PNG file and try again."))
                    .build();
        }
        return Response.ok(Templates.report(ReportView.of(verifier.verify(Files.readAllBytes(file.uploadedFile())))))
                .build();
    }
}
