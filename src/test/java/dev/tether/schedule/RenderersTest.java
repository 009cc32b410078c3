package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The files each scheduler reads, against golden files, and parsed back where a parser is at hand. */
class RenderersTest {
    @Test
    void systemdServiceRunsTheJobOnceQuotedForSystemd() throws IOException {
        Golden.assertMatches("tether-backup.service", SystemdUnits.service(Jobs.nativeBinary()));
    }

    @Test
    void systemdTimerIsDailyAndPersistent() throws IOException {
        Golden.assertMatches("tether-backup.timer", SystemdUnits.timer(Jobs.DAILY));
    }

    @Test
    void systemdTimerHourlyRunsAtTheMinute() throws IOException {
        Golden.assertMatches("tether-backup-hourly.timer", SystemdUnits.timer(Jobs.HOURLY));
    }

    @Test
    void crontabBlockDaily() throws IOException {
        Golden.assertMatches("crontab-daily.txt", CrontabBlock.render(Jobs.nativeBinary(), Jobs.DAILY));
    }

    @Test
    void crontabBlockHourlyWithTheJar() throws IOException {
        Golden.assertMatches("crontab-hourly.txt", CrontabBlock.render(Jobs.jar(), Jobs.HOURLY));
    }

    @Test
    void crontabRefusesAPercentSign() {
        JobCommand percent = new JobCommand(List.of("/opt/100%/tether", "backup", "--quiet"));
        assertThrows(Failure.BadInput.class, () -> CrontabBlock.render(percent, Jobs.DAILY));
    }

    @Test
    void launchAgentPlistDaily() throws Exception {
        String plist = LaunchAgentPlist.render(Jobs.nativeBinary(), Jobs.DAILY);
        Golden.assertMatches("dev.tether.backup.plist", plist);
        Document doc = parse(new InputSource(new StringReader(plist)));
        assertEquals(Jobs.nativeBinary().argv(), texts(doc, "string").subList(1, 8)); // after the label
        assertEquals(List.of("9", "30"), texts(doc, "integer"));
    }

    @Test
    void launchAgentPlistHourlyHasOnlyTheMinute() throws Exception {
        String plist = LaunchAgentPlist.render(Jobs.jar(), Jobs.HOURLY);
        Golden.assertMatches("dev.tether.backup-hourly.plist", plist);
        assertEquals(List.of("15"), texts(parse(new InputSource(new StringReader(plist))), "integer"));
    }

    @Test
    void taskXmlDailyRunsOnBatteryAndCatchesUp() throws Exception {
        String xml = TaskXml.render(Jobs.windows(), Jobs.DAILY, LocalDate.of(2026, 1, 2));
        Golden.assertMatches("tether-backup-task.xml", xml);
        Document doc = parse(new InputSource(new ByteArrayInputStream(TaskXml.bytes(xml)))); // the bytes schtasks reads
        assertEquals(List.of("false"), texts(doc, "DisallowStartIfOnBatteries"));
        assertEquals(List.of("false"), texts(doc, "StopIfGoingOnBatteries"));
        assertEquals(List.of("true"), texts(doc, "StartWhenAvailable"));
        assertEquals(List.of("LeastPrivilege"), texts(doc, "RunLevel"));
        assertEquals(List.of("2026-01-02T09:30:00"), texts(doc, "StartBoundary"));
        assertEquals(List.of("C:\\Users\\Zoë Ann\\Apps & <Tools>\\tether.exe"), texts(doc, "Command"));
        assertEquals(List.of("backup --quiet --claude-dir \"C:\\Users\\Zoë Ann\\.claude\" --state-dir"
                + " \"C:\\Users\\Zoë Ann\\AppData\\Local\\tether\\\\\" \"say \\\"hi\\\"\""), texts(doc, "Arguments"));
    }

    @Test
    void taskXmlHourlyRepeatsEveryHour() throws Exception {
        String xml = TaskXml.render(Jobs.windows(), Jobs.HOURLY, LocalDate.of(2026, 1, 2));
        Golden.assertMatches("tether-backup-task-hourly.xml", xml);
        Document doc = parse(new InputSource(new ByteArrayInputStream(TaskXml.bytes(xml))));
        assertEquals(List.of("PT1H"), texts(doc, "Interval"));
        assertEquals(List.of("2026-01-02T00:15:00"), texts(doc, "StartBoundary"));
    }

    @Test
    void taskXmlBytesAreUtf16WithAByteOrderMarkAndCrlf() {
        byte[] bytes = TaskXml.bytes("<a>\n</a>\n");
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        assertEquals("<a>\r\n</a>\r\n", new String(bytes, 2, bytes.length - 2, java.nio.charset.StandardCharsets.UTF_16LE));
    }

    @Test
    void windowsQuotingFollowsTheArgvRules() {
        // a trailing backslash before the closing quote is doubled; elsewhere backslashes are literal
        assertEquals("plain \"two words\" \"\" \"my dir\\\\\" \"q\\\"x\" c:\\dir\\ a\\\\b", Quoting.windows(
                List.of("plain", "two words", "", "my dir\\", "q\"x", "c:\\dir\\", "a\\\\b")));
    }

    @Test
    void aControlCharacterInTheCommandIsRefused() {
        assertThrows(Failure.BadInput.class, () -> new JobCommand(List.of("/opt/te\nther", "backup")));
    }

    private static Document parse(InputSource source) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // the plist's DTD is online
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        Document doc = b.parse(source);
        assertTrue(doc.getDocumentElement() != null);
        return doc;
    }

    private static List<String> texts(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getTextContent());
        }
        return out;
    }
}
