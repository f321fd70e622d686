package dev.o2c.credit.backtest;

import dev.o2c.credit.InvalidCreditException;
import dev.o2c.credit.scoring.Scorecard;
import dev.o2c.platform.xml.SafeXml;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An uploaded decision table, checked before anything is evaluated: UTF-8 XML without a DOCTYPE, a DMN
 * {@code definitions} document, defining the decision a back-test replays ({@code credit-decision}, or
 * {@code credit-score} with {@code credit-risk-class}), and accepted by the DMN engine Zeebe uses. Every refusal is an
 * invalid value of the field {@code file}.
 */
record UploadedTable(String name, byte[] content, Kind kind, String sha256, ParsedDecisionRequirementsGraph graph) {

    static final String POLICY_DECISION = "credit-decision";

    enum Kind {
        /** processes/credit-decision.dmn: replayed on the recorded credit decisions. */
        POLICY,
        /** processes/credit-score.dmn: replayed on the latest stored score facts per customer. */
        SCORECARD
    }

    static UploadedTable read(String name, byte[] content, DecisionEngine engine) {
        if (content.length == 0) {
            throw refused(name + " is empty: upload a .dmn file saved by Camunda Modeler");
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            throw refused(name + " is not UTF-8 text (Modeler saves UTF-8)");
        }
        Element root;
        try {
            root = SafeXml.parse(content).getDocumentElement();
        } catch (SafeXml.Unreadable e) {
            throw refused(
                    e.doctype()
                            ? name + " contains a DOCTYPE declaration, which is not accepted (DMN files from Modeler"
                                    + " have none)"
                            : name + " is not well-formed XML" + (e.line() >= 0 ? " (line " + e.line() + ")" : "")
                                    + ": " + e.getMessage());
        }
        String namespace = String.valueOf(root.getNamespaceURI());
        if (!"definitions".equals(root.getLocalName()) || !namespace.contains("omg.org/spec/DMN/")) {
            throw refused(name + " is XML but not a DMN file (its root element is '" + root.getLocalName()
                    + "' in namespace " + namespace + ", not DMN 'definitions')");
        }
        Set<String> decisions = new LinkedHashSet<>();
        NodeList nodes = root.getElementsByTagNameNS(root.getNamespaceURI(), "decision");
        for (int i = 0; i < nodes.getLength(); i++) {
            decisions.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        Kind kind;
        if (decisions.contains(POLICY_DECISION)) {
            kind = Kind.POLICY;
        } else if (decisions.contains(Scorecard.SCORE)) {
            if (!decisions.contains(Scorecard.RISK_CLASS)) {
                throw refused(name + " defines decision '" + Scorecard.SCORE + "' but not '" + Scorecard.RISK_CLASS
                        + "' (the risk class from the score); a scorecard needs both");
            }
            kind = Kind.SCORECARD;
        } else {
            throw refused(name + " defines neither decision '" + POLICY_DECISION + "' (the credit policy) nor '"
                    + Scorecard.SCORE + "' (the scorecard); it defines " + (decisions.isEmpty() ? "none" : decisions));
        }
        ParsedDecisionRequirementsGraph graph = engine.parse(new ByteArrayInputStream(content));
        if (!graph.isValid()) {
            throw refused(name + " is refused by the DMN engine: " + graph.getFailureMessage());
        }
        return new UploadedTable(name, content, kind, sha256(content), graph);
    }

    private static InvalidCreditException refused(String message) {
        return new InvalidCreditException("file", message);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
