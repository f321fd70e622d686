package dev.o2c.bankstatements;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.NamespaceAndElementFilter;
import com.prowidesoftware.swift.model.mx.adapters.TypeAdaptersConfiguration;
import com.prowidesoftware.swift.utils.SafeXmlUtils;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification), versions .001.02 and .001.08, into
 * Prowide's schema-generated bindings. Strict: any element the schema does not allow there, any value of the wrong
 * type, or a missing field we rely on rejects the whole file.
 */
@Component
public class CamtReader {

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private static final Map<String, MessageFormat<?>> FORMATS = Map.of(
            "camt.053.001.02", new MessageFormat<>(MxCamt05300102.class, CamtV02::statements),
            "camt.053.001.08", new MessageFormat<>(MxCamt05300108.class, CamtV08::statements),
            "camt.054.001.02", new MessageFormat<>(MxCamt05400102.class, CamtV02::notifications),
            "camt.054.001.08", new MessageFormat<>(MxCamt05400108.class, CamtV08::notifications));

    private final Map<Class<?>, JAXBContext> contexts = new ConcurrentHashMap<>();
    /** "Today" for the window of acceptable value and booking dates: the application's clock (the engine's). */
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public CamtReader(Clock clock) {
        this.clock = clock;
    }

    /** Outside the application (benchmarks, tools): today by the system clock. */
    public CamtReader() {
        this(Clock.systemUTC());
    }

    public List<ParsedStatement> read(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new StatementRejected("the file is empty");
        }
        String messageType = messageTypeOf(xml);
        MessageFormat<?> format = FORMATS.get(messageType);
        if (format == null) {
            throw new StatementRejected("unsupported message " + messageType + "; expected one of "
                    + FORMATS.keySet().stream().sorted().toList());
        }
        return format.read(this, messageType, xml, LocalDate.now(clock));
    }

    /** Reads the whole file once: it must be well-formed before anything else is said about it. */
    private static String messageTypeOf(byte[] xml) {
        XMLInputFactory factory = SafeXmlUtils.inputFactory();
        String namespace = null;
        boolean documentSeen = false;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && !documentSeen
                        && "Document".equals(reader.getLocalName())) {
                    documentSeen = true;
                    namespace = reader.getNamespaceURI();
                }
            }
        } catch (XMLStreamException e) {
            throw new StatementRejected("the file is not well-formed XML: " + e.getMessage());
        }
        if (!documentSeen) {
            throw new StatementRejected("no ISO 20022 Document element in the file");
        }
        if (namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new StatementRejected("the Document element has no ISO 20022 namespace: " + namespace);
        }
        return namespace.substring(NAMESPACE_PREFIX.length());
    }

    private <T extends AbstractMX> T unmarshal(Class<T> type, byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Unmarshaller unmarshaller =
                    contexts.computeIfAbsent(type, CamtReader::newContext).createUnmarshaller();
            // ISO dates and date-times need Prowide's adapters to become java.time values.
            new TypeAdaptersConfiguration().asList().forEach(unmarshaller::setAdapter);
            // Collect every problem and go on, so the clerk learns all of them at once; the file is rejected
            // afterwards.
            unmarshaller.setEventHandler(event -> {
                problems.add(describe(event));
                return true;
            });
            XMLReader reader = SafeXmlUtils.reader(true, null);
            NamespaceAndElementFilter filter = new NamespaceAndElementFilter("Document");
            filter.setParent(reader);
            SAXSource source = new SAXSource(filter, new InputSource(new ByteArrayInputStream(xml)));
            var document = unmarshaller.unmarshal(source, type);
            if (!problems.isEmpty() || document == null || document.getValue() == null) {
                throw new StatementRejected("the file does not follow the schema: " + String.join("; ", problems));
            }
            return document.getValue();
        } catch (StatementRejected e) {
            throw e;
        } catch (JAXBException | RuntimeException e) {
            String detail = problems.isEmpty()
                    ? String.valueOf(
                            e instanceof JAXBException jaxb && jaxb.getLinkedException() != null
                                    ? jaxb.getLinkedException().getMessage()
                                    : e.getMessage())
                    : String.join("; ", problems);
            throw new StatementRejected("the file does not follow the schema: " + detail);
        }
    }

    private static JAXBContext newContext(Class<?> type) {
        try {
            Class<?>[] classes = (Class<?>[]) type.getField("_classes").get(null);
            return JAXBContext.newInstance(classes);
        } catch (ReflectiveOperationException | JAXBException e) {
            throw new IllegalStateException("cannot bind " + type.getSimpleName(), e);
        }
    }

    private static String describe(ValidationEvent event) {
        var locator = event.getLocator();
        String where = locator == null || locator.getLineNumber() < 0
                ? ""
                : "line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ": ";
        return where + event.getMessage();
    }

    private record MessageFormat<T extends AbstractMX>(
            Class<T> type, BiFunction<T, LocalDate, List<ParsedStatement>> mapping) {

        List<ParsedStatement> read(CamtReader reader, String messageType, byte[] xml, LocalDate today) {
            T message = reader.unmarshal(type, xml);
            List<ParsedStatement> statements = mapping.apply(message, today);
            if (statements.isEmpty()) {
                throw new StatementRejected(messageType + " holds no account statement or notification");
            }
            return statements;
        }
    }
}
