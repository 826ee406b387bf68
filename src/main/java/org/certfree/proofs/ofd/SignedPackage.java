package org.certfree.proofs.ofd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Our own reading of an unpacked, signed OFD before ofdrw touches it: the signature list, the one signature's files,
 * and what it protects. Every location it names must be a regular file inside the package (ofdrw would follow a
 * {@code FileRef} of {@code /../../dev/zero} and hash it for ever), and every file of the package must be either
 * protected by the signature or be the signature itself — so nothing unsigned rides along. Also reads the GB/T 36905
 * metadata from {@code OFD.xml}. XML without DTDs, namespace-aware.
 */
final class SignedPackage {

    static final String OFD_NS = "http://www.ofdspec.org/2016";

    final Path root;
    final Path signatureXml;
    final Path signedValue;
    final Path seal;
    final Map<String, String> customData;

    private SignedPackage(Path root, Path signatureXml, Path signedValue, Path seal, Map<String, String> customData) {
        this.root = root;
        this.signatureXml = signatureXml;
        this.signedValue = signedValue;
        this.seal = seal;
        this.customData = customData;
    }

    static SignedPackage read(Path dir) throws OfdRefused {
        Path root = dir.toAbsolutePath().normalize();
        Path ofdXml = root.resolve("OFD.xml");
        if (!Files.isRegularFile(ofdXml)) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, "缺少 OFD.xml");
        }
        Document ofd = parse(ofdXml);
        Map<String, String> custom = new LinkedHashMap<>();
        NodeList data = ofd.getElementsByTagNameNS(OFD_NS, "CustomData");
        for (int i = 0; i < data.getLength(); i++) {
            Element e = (Element) data.item(i);
            custom.putIfAbsent(e.getAttribute("Name"), e.getTextContent());
        }
        NodeList bodies = ofd.getElementsByTagNameNS(OFD_NS, "DocBody");
        if (bodies.getLength() != 1) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, "须有且只有一个文档（DocBody）");
        }
        String signaturesLoc = childText((Element) bodies.item(0), "Signatures");
        if (signaturesLoc == null) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "没有签名列表");
        }
        Path signaturesXml = locate(root, ofdXml, signaturesLoc);
        NodeList signatures = parse(signaturesXml).getElementsByTagNameNS(OFD_NS, "Signature");
        if (signatures.getLength() != 1) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "签名数为 " + signatures.getLength());
        }
        Element entry = (Element) signatures.item(0);
        if (!"Seal".equals(entry.getAttribute("Type"))) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "签名类型不是电子签章（Seal）");
        }
        Path signatureXml = locate(root, signaturesXml, entry.getAttribute("BaseLoc"));
        Document signature = parse(signatureXml);
        Element top = signature.getDocumentElement();
        String signedValueLoc = childText(top, "SignedValue");
        NodeList sealLocs = signature.getElementsByTagNameNS(OFD_NS, "Seal");
        if (signedValueLoc == null || sealLocs.getLength() != 1) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "签名文件缺少签章值或印章");
        }
        Path signedValue = locate(root, signatureXml, signedValueLoc);
        Path seal = locate(root, signatureXml, childText((Element) sealLocs.item(0), "BaseLoc"));
        Set<Path> protectedFiles = new HashSet<>();
        NodeList refs = signature.getElementsByTagNameNS(OFD_NS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            protectedFiles.add(locate(root, signatureXml, ((Element) refs.item(i)).getAttribute("FileRef")));
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path p = f.toAbsolutePath().normalize();
                if (!protectedFiles.contains(p) && !p.equals(signatureXml) && !p.equals(signedValue)) {
                    throw new OfdRefused(OfdRefusal.NOT_SEALED, "文件 " + root.relativize(p) + " 不受签章保护");
                }
            }
        } catch (IOException e) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, e.getMessage());
        }
        if (!protectedFiles.contains(seal) || !protectedFiles.contains(ofdXml) || !protectedFiles.contains(signaturesXml)) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "不是整文档签章");
        }
        return new SignedPackage(root, signatureXml, signedValue, seal, custom);
    }

    /** An OFD location (ST_Loc): absolute from the package root, or relative to the file that names it. */
    static Path locate(Path root, Path from, String loc) throws OfdRefused {
        if (loc == null || loc.isBlank() || loc.indexOf('\\') >= 0 || loc.indexOf(':') >= 0) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, "文件位置无效：" + loc);
        }
        String trimmed = loc.trim();
        Path p = (trimmed.startsWith("/") ? root.resolve(trimmed.substring(1)) : from.getParent().resolve(trimmed))
                .toAbsolutePath().normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, "文件位置不在文件包内或文件不存在：" + loc);
        }
        return p;
    }

    private static String childText(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS(OFD_NS, localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().trim();
    }

    private static Document parse(Path file) throws OfdRefused {
        try {
            return builder().parse(file.toFile());
        } catch (SAXException | IOException e) {
            throw new OfdRefused(OfdRefusal.NOT_OFD, file.getFileName() + " 不是有效的 XML");
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
