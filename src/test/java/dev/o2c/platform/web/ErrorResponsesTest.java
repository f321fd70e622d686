package dev.o2c.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Errors raised before any controller runs (a path the firewall refuses, a path nothing serves) answer as every other
 * error does: problem+json with status and title, not the container's or Spring Boot's default error body.
 */
@IntegrationTest
class ErrorResponsesTest {

    @Autowired
    Api api;

    @Test
    void aPathWithAnEmptySegmentIsRefusedAsProblemJson() {
        // what a script sends when the variable that should hold a task id is empty
        Api.Response response = api.exchange(
                "clerk",
                HttpMethod.POST,
                // a percent escape makes the test client send the path exactly as written, the double slash included
                "/api/tasks//complete?from=%73cript",
                Map.of("variables", Map.of()),
                Map.of());

        assertProblem(response, 400);
    }

    @Test
    void aPathNothingServesIsNotFoundAsProblemJson() {
        assertProblem(api.get("clerk", "/api/nothing-here"), 404);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().getContentType()).isNotNull();
        assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.headers().getContentType()))
                .isTrue();
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.body().has("timestamp"))
                .as("Spring Boot's default error body")
                .isFalse();
        assertThat(response.body().has("trace")).isFalse();
    }
}
