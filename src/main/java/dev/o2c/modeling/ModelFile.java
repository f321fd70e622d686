package dev.o2c.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.modeling.ModelResource.Kind;
import dev.o2c.platform.xml.SafeXml;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One uploaded (or shipped) model file, read just enough to know what it defines: the process ids of a BPMN file,
 * the decision ids of a DMN file, the id of a form. Refuses, naming the file, what is not a UTF-8 XML or JSON file of
 * that kind. XML is read with DOCTYPEs refused, so no external entity (XXE) or entity expansion ever gets resolved;
 * the Zeebe and DMN parsers only ever see files that passed here.
 */
record ModelFile(String name, byte[] content, Map<String, Kind> ids) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(bpmn|dmn|form)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file that cannot be what its name says; the message names it. */
    static class Refused extends RuntimeException {
        final String file;

        Refused(String file, String message) {
            super(message);
            this.file = file;
        }
    }

    static ModelFile read(String name, byte[] content) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused(
                    String.valueOf(name),
                    "File name '" + name + "' is not accepted: letters, digits, '.', '_'"
                            + " and '-' only (at most 100 before the extension), ending in .bpmn, .dmn or .form.");
        }
        if (content.length == 0) {
            throw new Refused(name, name + " is empty.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused(name, name + " is not UTF-8 text (Modeler saves UTF-8).");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Refused(name, name + " contains a NUL character.");
        }
        Map<String, Kind> ids = new LinkedHashMap<>();
        if (name.endsWith(".form")) {
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (Exception e) {
                throw new Refused(name, name + " is not a JSON form: " + firstLine(e.getMessage()));
            }
            JsonNode id = json == null ? null : json.get("id");
            if (json == null || !json.isObject() || !json.path("components").isArray()) {
                throw new Refused(name, name + " is not a Camunda form (a JSON object with 'components').");
            }
            if (id == null
                    || !id.isTextual()
                    || id.asText().isBlank()
                    || id.asText().length() > 255) {
                throw new Refused(
                        name,
                        name + " has no form id: give it one in the form editor (properties panel of the"
                                + " form, 'Form ID'); user tasks link forms by that id.");
            }
            ids.put(id.asText(), Kind.FORM);
        } else {
            Element root = xml(name, content).getDocumentElement();
            if (!"definitions".equals(root.getLocalName())) {
                throw new Refused(
                        name,
                        name + " is XML but not a " + (name.endsWith(".bpmn") ? "BPMN" : "DMN")
                                + " file (its root element is '" + root.getLocalName() + "', not 'definitions').");
            }
            String namespace = String.valueOf(root.getNamespaceURI());
            boolean bpmn = name.endsWith(".bpmn");
            if (bpmn
                    ? !namespace.equals("http://www.omg.org/spec/BPMN/20100524/MODEL")
                    : !namespace.contains("omg.org/spec/DMN/")) {
                throw new Refused(
                        name,
                        name + " is not a " + (bpmn ? "BPMN 2.0" : "DMN") + " file (namespace " + namespace + ").");
            }
            NodeList nodes = root.getElementsByTagNameNS(root.getNamespaceURI(), bpmn ? "process" : "decision");
            for (int i = 0; i < nodes.getLength(); i++) {
                String id = ((Element) nodes.item(i)).getAttribute("id");
                if (id.isBlank() || id.length() > 255) {
                    throw new Refused(
                            name, name + " has a " + (bpmn ? "process" : "decision") + " without a usable id.");
                }
                ids.put(id, bpmn ? Kind.PROCESS : Kind.DECISION);
            }
            if (ids.isEmpty()) {
                throw new Refused(name, name + " defines no " + (bpmn ? "process" : "decision") + ".");
            }
        }
        return new ModelFile(name, content, Map.copyOf(ids));
    }

    private static Document xml(String name, byte[] content) {
        try {
            return SafeXml.parse(content);
        } catch (SafeXml.Unreadable e) {
            if (e.doctype()) {
                throw new Refused(
                        name,
                        name + " contains a DOCTYPE declaration, which is not accepted (BPMN and DMN files"
                                + " from Modeler have none).");
            }
            if (e.line() >= 0) {
                throw new Refused(name, name + " is not well-formed XML (line " + e.line() + "): " + e.getMessage());
            }
            throw new Refused(name, name + " cannot be read as XML: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean sharesAnIdWith(ModelFile other) {
        return other.ids.entrySet().stream().anyMatch(id -> id.getValue() == ids.get(id.getKey()));
    }
}
