package dev.o2c.platform.xml;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Reads XML from outside (uploaded models, decision tables) with DOCTYPEs refused, so no external entity (XXE) and no
 * entity expansion is ever resolved, namespace aware, and without printing parse errors to the console.
 */
public final class SafeXml {

    private SafeXml() {}

    /** Why a document could not be read: not well-formed (with the line), a DOCTYPE, or anything else. */
    public static final class Unreadable extends Exception {

        private final boolean doctype;
        private final int line;

        Unreadable(String message, boolean doctype, int line) {
            super(message);
            this.doctype = doctype;
            this.line = line;
        }

        /** The document declares a DOCTYPE, which is refused. */
        public boolean doctype() {
            return doctype;
        }

        /** The line of a well-formedness error, or -1. */
        public int line() {
            return line;
        }
    }

    public static Document parse(byte[] content) throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            throw new Unreadable(message, message.contains("DOCTYPE"), e.getLineNumber());
        } catch (Exception e) {
            throw new Unreadable(String.valueOf(e.getMessage()), false, -1);
        }
    }
}
