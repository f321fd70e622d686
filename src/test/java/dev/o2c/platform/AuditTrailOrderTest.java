package dev.o2c.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit record ids come from a pooled sequence (V49): each application replica takes fifty at a time, so a record
 * written later on one replica can have a smaller id than one written earlier on another. The trail is still read in
 * the order things happened.
 */
@IntegrationTest
class AuditTrailOrderTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTrailIsInTheOrderThingsHappenedNotInIdOrder() {
        String order = "replicas-" + UUID.randomUUID();
        // values of the sequence the application never fetched, so no id it hands out
        long smaller = jdbc.queryForObject("select nextval('audit_record_id_seq')", Long.class);
        long larger = jdbc.queryForObject("select nextval('audit_record_id_seq')", Long.class);
        Instant earlier = Instant.parse("2026-11-02T09:00:00Z");
        // replica B took the larger id but wrote first; replica A wrote a minute later with the smaller id
        record(larger, earlier, "ORDER_PLACED", order);
        record(smaller, earlier.plusSeconds(60), "CREDIT_DECISION_APPROVE", order);

        JsonNode trail = api.get("manager", "/api/audit?entityType=order&entityId=" + order)
                .body();

        assertThat(StreamSupport.stream(trail.spliterator(), false)
                        .map(record -> record.path("action").asText()))
                .containsExactly("ORDER_PLACED", "CREDIT_DECISION_APPROVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"write-off", "limit-review", "bank-entry", "document", "incident", "deployment", "dispute"})
    void everyEntityTypeTheApplicationAuditsHasItsTrail(String entityType) {
        String entity = "trail-" + UUID.randomUUID();
        jdbc.update("""
          insert into audit_record (id, at, actor, action, entity_type, entity_id, details)
          values (nextval('audit_record_id_seq'), now(), 'collector', 'SOMETHING_DONE', ?, ?, 'done')""", entityType, entity);

        Api.Response trail = api.get("manager", "/api/audit?entityType=" + entityType + "&entityId=" + entity);

        assertThat(trail.status()).as(trail.body().toString()).isEqualTo(200);
        assertThat(StreamSupport.stream(trail.body().spliterator(), false)
                        .map(record -> record.path("action").asText()))
                .containsExactly("SOMETHING_DONE");
    }

    @Test
    void anUnknownEntityTypeIsA400NamingIt() {
        Api.Response refused = api.get("manager", "/api/audit?entityType=spaceship&entityId=1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("entityType");
    }

    private void record(long id, Instant at, String action, String order) {
        jdbc.update("""
          insert into audit_record (id, at, actor, action, entity_type, entity_id, details)
          values (?, ?, 'analyst', ?, 'order', ?, 'written by a replica')""", id, Timestamp.from(at), action, order);
    }
}
