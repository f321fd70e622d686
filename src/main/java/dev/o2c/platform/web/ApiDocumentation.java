package dev.o2c.platform.web;

import dev.o2c.platform.security.AccessRules;
import dev.o2c.platform.security.Allowed;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at /api/docs (browsable at /api-browser): every endpoint with the groups that may call it
 * (from {@link Allowed}, the same declaration the access check reads) and the problem answers it can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String GROUPS_EXTENSION = "x-allowed-groups";
    private static final String PROBLEM = "application/problem+json";

    @Bean
    OpenAPI o2cApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("O2C Credit API")
                        .version("1")
                        .description(
                                "Order-to-cash credit management: customers, orders, credit reviews, invoices, payments, "
                                        + "bank statements, tasks and the process console. HTTP Basic (or the workspace's session with its "
                                        + "CSRF token). Every error is application/problem+json; input errors name the field.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OperationCustomizer rolesAndProblems() {
        return (operation, handler) -> {
            List<String> groups = AccessRules.groupsFor(handler);
            operation.addExtension(GROUPS_EXTENSION, groups);
            String who =
                    groups.contains(Allowed.ANY_USER) ? "any signed-in user" : "groups " + String.join(", ", groups);
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "Allowed for: " + who + ".");
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse(
                    "401", problem("Not signed in", 401, "Authentication required: use HTTP Basic", null));
            responses.addApiResponse(
                    "403",
                    problem(
                            "The caller's groups may not do this (checked before the input)",
                            403,
                            "This needs one of the groups " + groups,
                            null));
            if (takesInput(handler)) {
                responses.addApiResponse(
                        "400",
                        problem(
                                "Invalid input; nothing was changed",
                                400,
                                "amount: has more decimals than EUR allows",
                                "amount"));
            }
            if (hasPathVariable(handler)) {
                responses.addApiResponse(
                        "404",
                        problem("What the path names does not exist", 404, "customer 987654321 does not exist", null));
            }
            responses.addApiResponse(
                    "409",
                    problem(
                            "The current state does not allow it",
                            409,
                            "task 2251799813685281 is claimed by analyst; only they can complete it until they unclaim it",
                            null));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static boolean takesInput(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)
                        || p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class)
                        || p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class));
    }

    private static boolean hasPathVariable(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("field", new StringSchema().description("the input field that is wrong (400)"))
                .addProperty(
                        "errors",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())))
                .addProperty(
                        "requiredGroups",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                                .items(new StringSchema())
                                .description("the groups that may (403)"));
    }

    private static ApiResponse problem(String description, int status, String detail, String field) {
        Map<String, Object> example = field == null
                ? Map.of("type", "about:blank", "status", status, "detail", detail)
                : Map.of(
                        "type",
                        "about:blank",
                        "status",
                        status,
                        "detail",
                        detail,
                        "field",
                        field,
                        "errors",
                        List.of(Map.of("field", field, "message", detail)));
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                        .addExamples("example", new Example().value(example))));
    }
}
