package dev.o2c.credit.bureau;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.credit.bureau.CreditBureauException.Kind;
import dev.o2c.platform.money.Currencies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The credit-bureau port over HTTP (JDK HttpClient). The contract, also in the README's credit bureau section:
 *
 * <pre>
 * GET {baseUrl}/v1/company-reports?vatId=DE123456789
 *     (or ?companyId=HRB-12345&amp;country=DE, or ?name=Acme%20GmbH&amp;country=DE)
 * Accept: application/json
 * X-Api-Key: {apiKey}
 *
 * 200 application/json, at most maxResponseBytes (64 KB):
 * {
 *   "reference": "SIM-DE123456789",      optional, the bureau's id of the company (max 100 characters)
 *   "vatId": "DE123456789",              optional
 *   "companyName": "Acme GmbH",          optional (max 200 characters)
 *   "rating": "BB",                      required: AAA, AA, A, BBB, BB, B, CCC, CC, C or D
 *   "score": 72,                         required: integer 0 (highest risk) .. 100 (lowest risk)
 *   "paymentIndex": 80,                  required: integer 0 .. 100 (80 = pays on terms, lower = later)
 *   "recommendedLimit": {"amount": 25000.00, "currency": "EUR"},   required: amount &gt;= 0, ISO 4217
 *   "insolvent": false,                  required: insolvency proceedings known
 *   "reportDate": "2026-11-20"           required: ISO date, not after today
 * }
 * 404: the bureau knows no such company (an empty answer, not a failure)
 * anything else (401/403, 429, 5xx, other codes), no answer within timeout, a body over the limit, not JSON,
 * a missing or out-of-range field: a bureau failure ({@link CreditBureauException}).
 * </pre>
 *
 * Unknown extra fields are ignored (a bureau may add fields). The whole call, connection to last byte, is bounded by
 * the configured timeout, so a bureau that trickles its answer cannot hold a credit check.
 */
public class HttpCreditBureau implements CreditBureau {

    static final String PATH = "/v1/company-reports";
    static final String API_KEY_HEADER = "X-Api-Key";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Supplier<URI> baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final Clock clock;
    private final HttpClient client;

    /** {@code baseUrl} is asked per call: the simulator's port is known only once it has started. */
    public HttpCreditBureau(
            Supplier<URI> baseUrl,
            String apiKey,
            Duration connectTimeout,
            Duration timeout,
            int maxResponseBytes,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<BureauReport> lookup(BureauQuery query) {
        URI base = baseUrl.get();
        if (base == null) {
            throw new CreditBureauException(
                    Kind.NOT_CONFIGURED, "no credit bureau configured (o2c.credit-bureau.base-url)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(base, query))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header(API_KEY_HEADER, apiKey);
        }
        CompletableFuture<HttpResponse<byte[]>> call =
                client.sendAsync(request.build(), info -> new LimitedBody(maxResponseBytes));
        HttpResponse<byte[]> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CreditBureauException(Kind.TIMEOUT, "the credit bureau did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CreditBureauException(Kind.UNREACHABLE, "interrupted while waiting for the credit bureau", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        return read(response, query);
    }

    private CreditBureauException failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return new CreditBureauException(Kind.TOO_LARGE, tooLarge.getMessage());
            }
        }
        return switch (cause) {
            case HttpConnectTimeoutException e ->
                new CreditBureauException(Kind.UNREACHABLE, "no connection to the credit bureau: " + e.getMessage(), e);
            case HttpTimeoutException e ->
                new CreditBureauException(Kind.TIMEOUT, "the credit bureau did not answer within " + timeout, e);
            case ConnectException e ->
                new CreditBureauException(Kind.UNREACHABLE, "no connection to the credit bureau: " + e, e);
            default -> new CreditBureauException(Kind.UNREACHABLE, "asking the credit bureau failed: " + cause, cause);
        };
    }

    private Optional<BureauReport> read(HttpResponse<byte[]> response, BureauQuery query) {
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new CreditBureauException(
                    Kind.REFUSED,
                    "the credit bureau refused the request (HTTP " + status + "): check o2c.credit-bureau.api-key");
        }
        if (status != 200) {
            throw new CreditBureauException(
                    status >= 500 ? Kind.SERVER_ERROR : Kind.REFUSED, "the credit bureau answered HTTP " + status);
        }
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        return Optional.of(parse(raw, query));
    }

    /** Checks every field of the contract; anything else is a malformed answer. */
    BureauReport parse(String raw, BureauQuery query) {
        try {
            return read(raw, query);
        } catch (ArithmeticException | NumberFormatException e) {
            throw malformed("a number out of range (" + e.getMessage() + ")");
        }
    }

    private BureauReport read(String raw, BureauQuery query) {
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            throw malformed("not JSON");
        }
        if (body == null || !body.isObject()) {
            throw malformed("not a JSON object");
        }
        String rating = text(body, "rating", 3, true);
        if (!BureauReport.RATINGS.contains(rating)) {
            throw malformed("rating " + rating + " is not one of " + BureauReport.RATINGS);
        }
        int score = percent(body, "score");
        int paymentIndex = percent(body, "paymentIndex");
        JsonNode limit = body.get("recommendedLimit");
        if (limit == null || !limit.isObject()) {
            throw malformed("recommendedLimit is missing");
        }
        JsonNode amountNode = limit.get("amount");
        if (amountNode == null || !amountNode.isNumber()) {
            throw malformed("recommendedLimit.amount is missing or not a number");
        }
        BigDecimal amount = amountNode.decimalValue();
        if (amount.signum() < 0 || amount.precision() - amount.scale() > 15 || amount.scale() > 2) {
            throw malformed("recommendedLimit.amount " + amount + " is out of range");
        }
        String currency = text(limit, "currency", 3, true);
        if (!Currencies.isTradingCurrency(currency)) {
            throw malformed("recommendedLimit.currency " + currency + " is not an ISO 4217 trading currency");
        }
        JsonNode insolvent = body.get("insolvent");
        if (insolvent == null || !insolvent.isBoolean()) {
            throw malformed("insolvent is missing or not true/false");
        }
        LocalDate reportDate;
        try {
            reportDate = LocalDate.parse(text(body, "reportDate", 10, true));
        } catch (DateTimeParseException e) {
            throw malformed("reportDate is not an ISO date");
        }
        if (reportDate.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw malformed("reportDate " + reportDate + " lies in the future");
        }
        String vatId = text(body, "vatId", 15, false);
        if (query.vatId() != null && vatId != null && !vatId.equals(query.vatId())) {
            throw malformed("the report is about VAT id " + vatId + ", not " + query.vatId());
        }
        return new BureauReport(
                text(body, "reference", 100, false),
                vatId,
                text(body, "companyName", 200, false),
                rating,
                score,
                paymentIndex,
                amount.setScale(2),
                currency,
                insolvent.booleanValue(),
                reportDate,
                raw);
    }

    private static String text(JsonNode body, String field, int maxLength, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed(field + " is missing");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > maxLength) {
            throw malformed(field + " is not a text of at most " + maxLength + " characters");
        }
        if (node.asText().chars().anyMatch(Character::isISOControl)) {
            throw malformed(field + " contains control characters");
        }
        return node.asText();
    }

    private static int percent(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw malformed(field + " is missing or not a whole number");
        }
        int value = node.intValue();
        if (value < 0 || value > 100) {
            throw malformed(field + " " + value + " is outside 0..100");
        }
        return value;
    }

    private static CreditBureauException malformed(String what) {
        return new CreditBureauException(Kind.MALFORMED, "malformed credit bureau response: " + what);
    }

    private static URI uri(URI base, BureauQuery query) {
        String root = base.toString().replaceAll("/+$", "");
        String parameters = query.vatId() != null
                ? "vatId=" + encode(query.vatId())
                : query.companyId() != null
                        ? "companyId=" + encode(query.companyId()) + "&country=" + encode(query.country())
                        : "name=" + encode(query.name()) + "&country=" + encode(query.country());
        return URI.create(root + PATH + "?" + parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Over the limit: the answer is refused as it streams in, so a huge body is never held in memory. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("the credit bureau's answer is larger than " + limit + " bytes");
        }
    }

    /** Collects the body up to {@code limit} bytes and fails (cancelling the download) beyond it. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
