package dev.o2c.platform.dmn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.agrona.DirectBuffer;

/**
 * What the tables the application evaluates itself with Zeebe's DMN engine (authority, scorecard, collector priority,
 * policy back-test) share: reading a shipped table from the classpath, and reading a result the engine hands back as
 * MessagePack.
 */
public final class DecisionTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionTables() {}

    /** The bytes of a table shipped with the application, e.g. {@code /processes/credit-score.dmn}. */
    public static byte[] shipped(String resource) {
        try (InputStream in = DecisionTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decision's output as JSON; null when the table gave no result (no rule matched, or a null output). */
    public static JsonNode output(DirectBuffer messagePack) {
        try {
            JsonNode node = JSON.readTree(MsgPackConverter.convertToJson(messagePack));
            return node == null || node.isNull() ? null : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
