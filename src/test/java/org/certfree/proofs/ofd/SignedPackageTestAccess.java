package org.certfree.proofs.ofd;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the custom data of an unpacked, possibly unsigned OFD (SignedPackage wants a signature). */
final class SignedPackageTestAccess {

    private SignedPackageTestAccess() {
    }

    static Map<String, String> customData(Path dir) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList list = f.newDocumentBuilder().parse(dir.resolve("OFD.xml").toFile())
                .getElementsByTagNameNS(SignedPackage.OFD_NS, "CustomData");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            out.put(e.getAttribute("Name"), e.getTextContent());
        }
        return out;
    }
}
