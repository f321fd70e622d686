package dev.o2c.credit.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.credit.bureau.CreditBureauException.Kind;
import dev.o2c.customers.RiskClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP adapter against the contract, without Spring: the simulator as a real HTTP server on a free port for the
 * status codes and keys, and the adapter's reading of answers that break the contract field by field.
 */
class HttpCreditBureauContractTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static CreditBureauSimulator simulator;
    static HttpCreditBureau bureau;

    @BeforeAll
    static void start() throws Exception {
        simulator = new CreditBureauSimulator(0, "key", Duration.ofSeconds(5), CLOCK);
        // the first call loads the HTTP client and server classes (about 2 s on a busy machine): not what is tested
        adapter("key", Duration.ofSeconds(30)).lookup(BureauQuery.byVatId("DE000000000"));
        bureau = adapter("key", Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static HttpCreditBureau adapter(String key, Duration timeout) {
        return new HttpCreditBureau(simulator::baseUrl, key, Duration.ofSeconds(1), timeout, 65536, CLOCK);
    }

    @Test
    void aReportIsReadByVatIdCompanyIdOrName() {
        BureauReport prime =
                bureau.lookup(BureauQuery.byVatId(CreditBureauSimulator.PRIME)).orElseThrow();
        assertThat(prime.rating()).isEqualTo("AAA");
        assertThat(prime.score()).isEqualTo(96);
        assertThat(prime.riskClass()).isEqualTo(RiskClass.A);
        assertThat(prime.recommendedLimit()).isEqualByComparingTo("48000.00");
        assertThat(prime.rawResponse()).contains("\"simulated\":true");
        assertThat(bureau.lookup(BureauQuery.byCompanyId("HRB 12345", "CH"))
                        .orElseThrow()
                        .recommendedLimitCurrency())
                .isEqualTo("CHF");
        assertThat(bureau.lookup(BureauQuery.byName("Acme GmbH & Co. KG", "DE")))
                .isPresent();
        assertThat(bureau.lookup(BureauQuery.byVatId("DE123456789")))
                .as("deterministic")
                .isEqualTo(bureau.lookup(BureauQuery.byVatId("DE123456789")));
    }

    @Test
    void anInsolventCompanyIsRiskClassDWhateverItsRating() {
        BureauReport insolvent = bureau.lookup(BureauQuery.byVatId(CreditBureauSimulator.INSOLVENT))
                .orElseThrow();
        assertThat(insolvent.insolvent()).isTrue();
        assertThat(insolvent.riskClass()).isEqualTo(RiskClass.D);
        assertThat(BureauReport.riskClassOf("AAA", true)).isEqualTo(RiskClass.D);
    }

    @Test
    void statusCodesAndTimeouts() {
        assertThat(bureau.lookup(BureauQuery.byVatId(CreditBureauSimulator.UNKNOWN)))
                .isEmpty();
        assertKind(bureau, CreditBureauSimulator.DOWN, Kind.SERVER_ERROR);
        assertKind(bureau, CreditBureauSimulator.MALFORMED, Kind.MALFORMED);
        assertKind(bureau, CreditBureauSimulator.HUGE, Kind.TOO_LARGE);
        long started = System.nanoTime();
        assertKind(bureau, CreditBureauSimulator.SLOW, Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
        assertKind(adapter("wrong", Duration.ofSeconds(2)), "DE123456789", Kind.REFUSED);
    }

    @Test
    void aBureauThatIsNotThereIsUnreachable() {
        var nowhere = new HttpCreditBureau(
                () -> java.net.URI.create("http://127.0.0.1:1"),
                "key",
                Duration.ofMillis(300),
                Duration.ofMillis(500),
                65536,
                CLOCK);
        assertKind(nowhere, "DE123456789", Kind.UNREACHABLE);
    }

    static final String VALID = """
            {"rating":"BB","score":55,"paymentIndex":80,"recommendedLimit":{"amount":25000.00,"currency":"EUR"},
             "insolvent":false,"reportDate":"2026-11-20","extra":{"ignored":[1,2]}}""";

    @Test
    void aValidAnswerWithUnknownExtraFieldsIsRead() {
        BureauReport report = bureau.parse(VALID, BureauQuery.byVatId("DE1"));
        assertThat(report.paymentIndex()).isEqualTo(80);
        assertThat(report.riskClass()).isEqualTo(RiskClass.B);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"E\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":101,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":-1,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55.5,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":\"55\",\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":180,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":-1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"XXX\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1e400,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":\"no\",\"reportDate\":\"2026-11-20\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"20.11.2026\"}",
                "{\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2027-01-01\"}",
                "{\"rating\":\"BB\",\"rating\":\"A\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"vatId\":\"FR1\",\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}",
                "{\"companyName\":\"Acme\\u0000\",\"rating\":\"BB\",\"score\":55,\"paymentIndex\":80,\"recommendedLimit\":{\"amount\":1,\"currency\":\"EUR\"},\"insolvent\":false,\"reportDate\":\"2026-11-20\"}"
            })
    void anAnswerThatBreaksTheContractIsMalformed(String body) {
        assertThatThrownBy(() -> bureau.parse(body, BureauQuery.byVatId("DE1")))
                .isInstanceOfSatisfying(
                        CreditBureauException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
                .hasMessageStartingWith("malformed credit bureau response");
    }

    private static void assertKind(HttpCreditBureau adapter, String vatId, Kind kind) {
        assertThatThrownBy(() -> adapter.lookup(BureauQuery.byVatId(vatId)))
                .isInstanceOfSatisfying(
                        CreditBureauException.class,
                        e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }
}
