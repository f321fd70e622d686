package dev.o2c.credit.bureau;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIMULATOR, a stand-in for a real credit bureau: a real HTTP server (JDK httpserver on 127.0.0.1) speaking the
 * contract of {@link HttpCreditBureau}, started in embedded mode only ({@code o2c.credit-bureau.simulator.enabled}) so
 * the whole credit flow runs without a bureau account. Its data are invented and deterministic: the same VAT id (or
 * company id, or name and country) always gets the same report. Special VAT ids behave like a bureau on a bad day:
 *
 * <ul>
 *   <li>{@code ZZSLOW}: answers only after {@code simulator.slow-delay} (default 10 s, beyond the client's timeout)
 *   <li>{@code ZZDOWN}: HTTP 503 (service unavailable)
 *   <li>{@code ZZMALFORMED}: HTTP 200 with a body missing required fields and a score of 250
 *   <li>{@code ZZHUGE}: HTTP 200 with a body of about 100 KB (over the 64 KB limit)
 *   <li>{@code ZZINSOLVENT}: a valid report with insolvency proceedings (rating D, score 3)
 *   <li>{@code ZZUNKNOWN}: HTTP 404, the bureau knows no such company
 *   <li>{@code ZZPRIME}: rating AAA, score 96 (risk class A); {@code ZZRISKY}: rating CC, score 24 (risk class D)
 * </ul>
 *
 * Every other id gets a report computed from a checksum of the id: score 35..95, the rating from the score (90+ AAA,
 * 80+ AA, 70+ A, 60+ BBB, 50+ BB, 40+ B, 30+ CCC, below CC), payment index 50..100, a recommended limit of 500 times
 * the score in the currency of the VAT id's country (EUR when not known), and a report date up to 19 days back.
 */
public class CreditBureauSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CreditBureauSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CURRENCIES = Map.of(
            "CH", "CHF", "GB", "GBP", "SE", "SEK", "DK", "DKK", "NO", "NOK", "PL", "PLN", "CZ", "CZK", "HU", "HUF",
            "US", "USD");

    public static final String SLOW = "ZZSLOW";
    public static final String DOWN = "ZZDOWN";
    public static final String MALFORMED = "ZZMALFORMED";
    public static final String HUGE = "ZZHUGE";
    public static final String INSOLVENT = "ZZINSOLVENT";
    public static final String UNKNOWN = "ZZUNKNOWN";
    public static final String PRIME = "ZZPRIME";
    public static final String RISKY = "ZZRISKY";

    private final HttpServer server;
    private final ExecutorService threads;
    private final String apiKey;
    private final Duration slowDelay;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> requestsByKey = new ConcurrentHashMap<>();

    public CreditBureauSimulator(int port, String apiKey, Duration slowDelay, Clock clock) throws IOException {
        this.apiKey = apiKey;
        this.slowDelay = slowDelay;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // a slow answer must not hold up the others: one thread per request, as a real server would
        this.threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext(HttpCreditBureau.PATH, this::handle);
        server.start();
        warmUp();
        LOG.info("Credit bureau SIMULATOR (stand-in for a real bureau, invented data) listening on {}", baseUrl());
    }

    /**
     * One request to itself at start: the first call in a JVM loads the HTTP client's and the server's classes (up to
     * 2 s on a busy machine), which would otherwise count against the first real credit check's timeout.
     */
    private void warmUp() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(baseUrl() + HttpCreditBureau.PATH + "?vatId=WARMUP"));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header(HttpCreditBureau.API_KEY_HEADER, apiKey);
            }
            client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.debug("credit bureau simulator: warm-up request failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests received so far (all, including refused ones). */
    public long requests() {
        return requests.get();
    }

    /** Requests received for one VAT id (or company id, or name). */
    public long requestsFor(String key) {
        AtomicLong count = requestsByKey.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":\"GET only\"}");
                return;
            }
            if (apiKey != null
                    && !apiKey.isBlank()
                    && !apiKey.equals(exchange.getRequestHeaders().getFirst(HttpCreditBureau.API_KEY_HEADER))) {
                send(exchange, 401, "{\"error\":\"missing or wrong X-Api-Key\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String key = query.containsKey("vatId")
                    ? query.get("vatId")
                    : query.containsKey("companyId")
                            ? query.get("companyId")
                            : query.containsKey("name") ? query.get("name") + "/" + query.get("country") : null;
            if (key == null) {
                send(exchange, 400, "{\"error\":\"vatId, companyId or name with country required\"}");
                return;
            }
            requestsByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            answer(exchange, key, query.get("vatId"), query.getOrDefault("country", country(key)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, String key, String vatId, String country)
            throws IOException, InterruptedException {
        switch (key) {
            case SLOW -> {
                Thread.sleep(slowDelay.toMillis());
                send(exchange, 200, JSON.writeValueAsString(report(key, vatId, country)));
            }
            case DOWN -> {
                exchange.getResponseHeaders().set("Retry-After", "120");
                send(exchange, 503, "{\"error\":\"service temporarily unavailable\"}");
            }
            case MALFORMED ->
                send(exchange, 200, "{\"reference\":\"SIM-ZZMALFORMED\",\"rating\":\"BB\",\"score\":250}");
            case HUGE -> {
                ObjectNode report = report(key, vatId, country);
                report.put("history", "x".repeat(100_000));
                send(exchange, 200, JSON.writeValueAsString(report));
            }
            case UNKNOWN -> send(exchange, 404, "{\"error\":\"no company with this id\"}");
            default -> send(exchange, 200, JSON.writeValueAsString(report(key, vatId, country)));
        }
    }

    /** The simulator's report on {@code key}, deterministic: what tests and the README's walk-through can expect. */
    public ObjectNode report(String key, String vatId, String country) {
        long hash = checksum(key);
        int score;
        boolean insolvent = false;
        switch (key) {
            case INSOLVENT -> {
                score = 3;
                insolvent = true;
            }
            case PRIME -> score = 96;
            case RISKY -> score = 24;
            default -> score = 35 + (int) (hash % 61);
        }
        int paymentIndex = insolvent ? 10 : 50 + (int) ((hash / 61) % 51);
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put(
                "amount",
                insolvent ? BigDecimal.ZERO : BigDecimal.valueOf(500L * score).setScale(2));
        limit.put("currency", CURRENCIES.getOrDefault(country == null ? "" : country, "EUR"));
        ObjectNode report = JSON.createObjectNode();
        report.put("reference", "SIM-" + key.replaceAll("[^A-Za-z0-9]", ""));
        if (vatId != null) {
            report.put("vatId", vatId);
        }
        report.put("companyName", "Simulated company " + key);
        report.put("country", country);
        report.put("rating", insolvent ? "D" : rating(score));
        report.put("score", score);
        report.put("paymentIndex", paymentIndex);
        report.set("recommendedLimit", JSON.valueToTree(limit));
        report.put("insolvent", insolvent);
        report.put("reportDate", LocalDate.now(clock).minusDays(hash % 20).toString());
        report.put("simulated", true);
        return report;
    }

    static String rating(int score) {
        if (score >= 90) return "AAA";
        if (score >= 80) return "AA";
        if (score >= 70) return "A";
        if (score >= 60) return "BBB";
        if (score >= 50) return "BB";
        if (score >= 40) return "B";
        if (score >= 30) return "CCC";
        return "CC";
    }

    private static String country(String key) {
        return key.length() >= 2 && Character.isLetter(key.charAt(0)) && Character.isLetter(key.charAt(1))
                ? key.substring(0, 2).toUpperCase()
                : null;
    }

    private static long checksum(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout, or a body over its limit): nothing to tell it any more
            LOG.debug("credit bureau simulator: client left before the answer was sent: {}", e.toString());
        }
    }
}
