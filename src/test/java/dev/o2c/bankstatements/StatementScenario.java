package dev.o2c.bankstatements;

import static org.awaitility.Awaitility.await;

import dev.o2c.support.Api;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** A bank statement uploaded through the API, its entries as they are posted, and the clerk's "Match payment". */
@Component
class StatementScenario {

    private final Api api;
    private final BankEntryRepository entries;

    StatementScenario(Api api, BankEntryRepository entries) {
        this.api = api;
        this.entries = entries;
    }

    static CamtWriter statement() {
        return new CamtWriter("MSG-" + tag(), "STMT-" + tag());
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response upload(String user, CamtWriter statement) {
        return uploadXml(user, statement.xml());
    }

    Api.Response uploadXml(String user, String xml) {
        return api.post(user, "/api/bank-statements", xml, Map.of(HttpHeaders.CONTENT_TYPE, "application/xml"));
    }

    /** Uploads as a clerk; the id of the (only) statement imported. */
    long uploaded(CamtWriter statement) {
        return upload("clerk", statement)
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
    }

    BankEntry awaitEntry(long statementId, BankEntryStatus status) {
        return await().atMost(Scenario.PATIENCE)
                .until(
                        () -> entries.findByStatementIdOrderByLineNo(statementId).stream()
                                .filter(entry -> entry.getStatus() == status)
                                .findFirst()
                                .orElse(null),
                        entry -> entry != null);
    }

    long awaitProcess(BankEntry entry) {
        return await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findById(entry.getId()).orElseThrow().getProcessInstanceKey(), key -> key != null);
    }

    Api.Response complete(HumanTask task, Map<String, Object> variables) {
        return api.post("clerk", "/api/tasks/" + task.getJobKey() + "/complete", Map.of("variables", variables));
    }
}
