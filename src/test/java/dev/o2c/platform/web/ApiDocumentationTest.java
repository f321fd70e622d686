package dev.o2c.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.platform.security.AccessRules;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document stays in step with the controllers: the same operations, each with its groups and problems. */
@IntegrationTest
class ApiDocumentationTest {

    @Autowired
    Api api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentDescribesEveryEndpointWithItsGroupsAndProblemAnswers() {
        Api.Response response = api.get("sales", "/api/docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.body();

        Set<String> documented = new TreeSet<>();
        List<String> incomplete = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    documented.add(name);
                    JsonNode op = operation.getValue();
                    if (op.path(ApiDocumentation.GROUPS_EXTENSION).isEmpty()
                            || !op.path("responses").has("403")
                            || !op.path("responses").path("403").path("content").has("application/problem+json")) {
                        incomplete.add(name);
                    }
                }));

        Set<String> implemented = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!AccessRules.isOwn(handler)) {
                return;
            }
            info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(pattern -> info.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> implemented.add(method.name() + " " + pattern)));
        });

        assertThat(documented).isEqualTo(implemented);
        assertThat(incomplete).isEmpty();
        JsonNode createCustomer = document.path("paths").path("/api/customers").path("post");
        assertThat(createCustomer.path(ApiDocumentation.GROUPS_EXTENSION).toString())
                .contains("sales", "credit-managers");
        assertThat(createCustomer
                        .path("responses")
                        .path("400")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .path("example")
                        .path("value")
                        .path("field")
                        .asText())
                .isNotBlank();
        assertThat(document.path("components").path("securitySchemes").has("basic"))
                .isTrue();
    }

    @Test
    void theDocumentNeedsASignedInCaller() {
        assertThat(api.get(null, "/api/docs").status()).isEqualTo(401);
    }
}
