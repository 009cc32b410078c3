package dev.tether.detect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the clients' settings files. A missing, unreadable or malformed file is never an error: it is
 * noted (shown under {@code -v}) and the detector goes on without it.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The file's text (UTF-8, without a byte-order mark), or empty with a note. */
    static Optional<String> text(Path file, Candidates out) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (NoSuchFileException e) {
            out.note("no " + file);
        } catch (CharacterCodingException e) {
            out.note("skipped " + file + ": not UTF-8 text");
        } catch (IOException e) {
            out.note("skipped " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    static Optional<List<String>> lines(Path file, Candidates out) {
        return text(file, out).map(t -> t.lines().toList());
    }

    /** The file as a JSON tree (Jackson), or empty with a note. */
    static Optional<JsonNode> json(Path file, Candidates out) {
        Optional<String> text = text(file, out);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = Json.COMPACT.readTree(text.get());
            if (tree != null && tree.isObject()) {
                return Optional.of(tree);
            }
            out.note("skipped " + file + ": not a JSON object");
        } catch (JacksonException e) {
            out.note("skipped " + file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return Optional.empty();
    }

    /** The file as a DOM document, parsed without DTDs or external entities, or empty with a note. */
    static Optional<Document> xml(Path file, Candidates out) {
        if (!Files.isRegularFile(file)) {
            out.note("no " + file);
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(safeBuilder().parse(in));
        } catch (SAXException e) {
            out.note("skipped " + file + ": not valid XML (" + e.getMessage() + ")");
        } catch (IOException e) {
            out.note("skipped " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private static DocumentBuilder safeBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING); // the default handler prints to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("the JDK's XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make the file unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
