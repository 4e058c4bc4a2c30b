package io.pinxit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemResponses responses = new ProblemResponses();

    record Request(String model, Integer count) {
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsField() {
        var exception = readFailure("{\"model\":\"m\",\"count\":\"many\"}");

        Response response = responses.malformedBody(exception);

        var problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(problem.type()).isEqualTo(ProblemTypes.MALFORMED_BODY.uri());
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("count");
    }

    @Test
    void brokenJsonIsAMalformedBodyWithoutAField() {
        Response response = responses.malformedBody(readFailure("{\"model\":"));

        var problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.errors()).isEmpty();
        assertThat(problem.detail()).contains("not well-formed");
    }

    @Test
    void anUnsupportedMediaTypeKeepsItsStatus() {
        Response response = responses.webApplication(new NotSupportedException("Use application/json"));

        var problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(problem.type().toString()).isEqualTo("urn:pinxit:problem:http-415");
        assertThat(problem.detail()).isEqualTo("Use application/json");
    }

    @Test
    void aProblemExceptionCarriesItsHeaders() {
        var problem = Problem.of(ProblemType.of("busy", "Busy", 503), "try later");

        Response response = responses.problem(new ProblemException(problem, Map.of("Retry-After", "5"), null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void emptyMembersAreLeftOutOfTheJson() throws Exception {
        var problem = Problem.of(ProblemTypes.NOT_FOUND, "No job 1", List.of());

        var tree = json.valueToTree(problem);

        assertThat(tree.has("errors")).isFalse();
        assertThat(tree.has("instance")).isFalse();
        assertThat(tree.get("type").asText()).isEqualTo("urn:pinxit:problem:not-found");
    }

    private JsonProcessingException readFailure(String body) {
        try {
            json.readValue(body, Request.class);
        } catch (JsonProcessingException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure for " + body);
    }
}
