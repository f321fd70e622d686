package dev.o2c.credit.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decision tables the back-test tests upload: the shipped policy, a stricter one, a one-rule one. */
public final class BackTestTables {

    public static final String STRICTER_REASON = "Orders of 5,000 or more need a credit manager";

    private BackTestTables() {}

    public static byte[] shipped(String file) {
        try {
            return Files.readAllBytes(Path.of("processes", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped credit policy with a credit manager's review from 5,000 instead of 50,000. */
    public static byte[] stricterPolicy() {
        return new String(shipped("credit-decision.dmn"), StandardCharsets.UTF_8)
                .replace("<text>&gt;= 50000</text>", "<text>&gt;= 5000</text>")
                .replace("Orders of 50,000 or more need a credit manager", STRICTER_REASON)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A credit policy of one rule on the order amount (FEEL unary test {@code test}) that approves. */
    public static String minimalPolicy(String decisionId, String test) {
        return """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_minimal" name="Minimal"
              namespace="http://camunda.org/schema/1.0/dmn">
            <decision id="%s" name="Minimal">
              <decisionTable id="DecisionTable_minimal" hitPolicy="FIRST">
                <input id="Input_amount" label="Order amount">
                  <inputExpression id="InputExpression_amount" typeRef="number"><text>orderAmount</text></inputExpression>
                </input>
                <output id="Output_outcome" label="Outcome" name="outcome" typeRef="string"/>
                <output id="Output_reason" label="Reason" name="reason" typeRef="string"/>
                <rule id="Rule_small">
                  <inputEntry id="Rule_small_in"><text>%s</text></inputEntry>
                  <outputEntry id="Rule_small_out"><text>"APPROVE"</text></outputEntry>
                  <outputEntry id="Rule_small_reason"><text>"Small order"</text></outputEntry>
                </rule>
              </decisionTable>
            </decision>
          </definitions>
          """.formatted(decisionId, test).strip();
    }
}
