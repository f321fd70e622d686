package dev.o2c.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Calls the REST API over real HTTP as one of the seeded users (user name = password). */
@Component
public class Api {

    private final TestRestTemplate http;
    private final ObjectMapper json;
    /**
     * One client per user: building one per call set up its message converters (XML among them) every time, which
     * cost the benchmarks' client threads more CPU than the server spent answering.
     */
    private final Map<String, TestRestTemplate> clients = new java.util.concurrent.ConcurrentHashMap<>();

    Api(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public Response get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, Map.of());
    }

    public Response post(String user, String path, Object body, Map<String, String> headers) {
        return exchange(user, HttpMethod.POST, path, body, headers);
    }

    public Response exchange(String user, HttpMethod method, String path, Object body, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(httpHeaders::set);
        TestRestTemplate client = user == null ? http : clients.computeIfAbsent(user, u -> http.withBasicAuth(u, u));
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            // a path with percent escapes is sent exactly as written (a template would encode the % again)
            ResponseEntity<String> response = path.contains("%")
                    ? client.exchange(
                            java.net.URI.create(client.getRootUri() + path),
                            method,
                            new HttpEntity<>(text, httpHeaders),
                            String.class)
                    : client.exchange(path, method, new HttpEntity<>(text, httpHeaders), String.class);
            JsonNode node = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Response(response.getStatusCode().value(), response.getHeaders(), node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A multipart upload: one part named "file" per entry (file name -> content), as a browser's file input sends. */
    public Response upload(String user, String path, Map<String, byte[]> files) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        files.forEach((name, content) -> parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        TestRestTemplate client = user == null ? http : clients.computeIfAbsent(user, u -> http.withBasicAuth(u, u));
        ResponseEntity<String> response =
                client.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        try {
            JsonNode node = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Response(response.getStatusCode().value(), response.getHeaders(), node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String contentType() {
            return String.valueOf(headers.getContentType());
        }

        public String field() {
            return body.path("field").asText();
        }
    }
}
