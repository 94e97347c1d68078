package io.kuberouter.kernel.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the legacy XML reports ({@code TEST-*.xml}) of the JUnit ConsoleLauncher into test outcomes keyed by
 * unique id, which the launcher writes into each testcase's system-out as {@code unique-id: <id>}.
 * A container failure (e.g. in {@code @BeforeAll}) appears there as an error of each of its tests.
 */
final class GuestReport {
    private static final String UNIQUE_ID = "unique-id: ";

    private GuestReport() {
    }

    /** Outcomes of all reports in {@code dir}; empty if there are none. */
    static Map<String, TestOutcome> read(Path dir) throws IOException {
        Map<String, TestOutcome> outcomes = new HashMap<>();
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path report : reports) {
                try (InputStream in = Files.newInputStream(report)) {
                    outcomes.putAll(parse(in));
                }
            }
        }
        return outcomes;
    }

    /** Outcomes of one report; throws IOException if it is not well-formed XML. */
    static Map<String, TestOutcome> parse(InputStream xml) throws IOException {
        NodeList testcases;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            testcases = builder.parse(xml).getElementsByTagName("testcase");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable JUnit XML report", e);
        }
        Map<String, TestOutcome> outcomes = new HashMap<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            uniqueId(testcase).ifPresent(id -> outcomes.put(id, outcome(testcase)));
        }
        return outcomes;
    }

    private static TestOutcome outcome(Element testcase) {
        for (String tag : new String[] {"failure", "error"}) {
            Element e = child(testcase, tag);
            if (e != null) {
                return new TestOutcome(TestOutcome.Status.FAILED, e.getAttribute("message"), e.getTextContent());
            }
        }
        Element skipped = child(testcase, "skipped");
        if (skipped != null) {
            return new TestOutcome(TestOutcome.Status.SKIPPED, skipped.getAttribute("message"), skipped.getTextContent());
        }
        return new TestOutcome(TestOutcome.Status.PASSED, "", "");
    }

    /** Testcases without a unique id (not written by the JUnit Platform) are left out. */
    private static Optional<String> uniqueId(Element testcase) {
        Element out = child(testcase, "system-out");
        String text = out == null ? "" : out.getTextContent();
        return text.lines().filter(l -> l.startsWith(UNIQUE_ID)).map(l -> l.substring(UNIQUE_ID.length()).strip())
                .findFirst();
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }
}
