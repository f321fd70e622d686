package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser's way in: form login, a session, and a CSRF token on every change; HTTP Basic stays as it was. */
@IntegrationTest
class WorkspaceSecurityTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void aSessionFromTheLoginFormReachesTheApiAndChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> loginPage =
                send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("name=\"password\"");

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=analyst&_csrf=" + csrf())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));

        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"analyst\"", "credit-analysts", "Ana Analyst");

        HttpResponse<String> forged =
                send(HttpRequest.newBuilder(uri("/api/tasks/1/claim")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode())
                .as("a session call without the CSRF token")
                .isEqualTo(403);

        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/tasks/1/claim"))
                .header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withToken.statusCode())
                .as("token accepted; the task just does not exist")
                .isEqualTo(404);
    }

    @Test
    void pagesSendStrangersToTheLoginAndWrongPasswordsBack() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/tasks")).GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        send(HttpRequest.newBuilder(uri("/login")).GET());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=nope&_csrf=" + csrf())));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/me")).GET());
        assertThat(api.statusCode())
                .as("the API answers 401 problem+json, never a login page")
                .isEqualTo(401);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
