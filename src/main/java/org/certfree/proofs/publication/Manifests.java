package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.certfree.proofs.common.json.CanonicalJson;

/**
 * The canonical manifest of a published batch and the canonical tree-head payload: built only from
 * what is stored (batch row and entry rows), so verification can rebuild them byte for byte.
 *
 * <p>Manifest: a JSON object with {@code schema}, {@code batchNumber}, {@code title} (when set),
 * {@code logIndex}, {@code publishedAt} (ISO-8601 UTC, millisecond precision), {@code publishedBy},
 * {@code authority} (department code of the justice bureau), {@code previousManifestHash} (hex SHA-256
 * of the previous batch's manifest; null for the first batch) and {@code entries} (in order: seq,
 * action, matterCode, kind, matterVersion, reason when set, content). It is serialized with RFC 8785
 * (JCS); the manifest hash is the SHA-256 of those UTF-8 bytes, and the batch log's leaves are these hashes.
 *
 * <p>What the publishing authority signs is the batch statement: a small canonical JSON object naming the
 * batch ({@code schema}, {@code authority}, {@code batchNumber}, {@code logIndex}, {@code publishedAt}) and
 * binding its manifest by hash ({@code manifestHash}, {@code previousManifestHash}). A manifest can hold
 * thousands of entries (megabytes); signing its hash keeps every signature small and checkable.
 */
public final class Manifests {

    public static final String MANIFEST_SCHEMA = "urn:certfree:publication-manifest:v1";
    public static final String TREE_HEAD_SCHEMA = "urn:certfree:publication-tree-head:v1";
    public static final String STATEMENT_SCHEMA = "urn:certfree:publication-batch-statement:v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Manifests() {
    }

    /** The canonical manifest text of {@code batch} (published fields set) with its {@code entries} in seq order. */
    public static String manifest(PublicationBatch batch, List<BatchEntry> entries) {
        ObjectNode m = NODES.objectNode();
        m.put("schema", MANIFEST_SCHEMA);
        m.put("batchNumber", batch.number);
        if (batch.title != null) {
            m.put("title", batch.title);
        }
        m.put("logIndex", batch.logIndex);
        m.put("publishedAt", timestamp(batch.publishedAt));
        m.put("publishedBy", batch.publishedBy);
        m.put("authority", batch.authorityCode);
        if (batch.previousHash == null) {
            m.putNull("previousManifestHash");
        } else {
            m.put("previousManifestHash", batch.previousHash);
        }
        ArrayNode list = m.putArray("entries");
        for (BatchEntry e : entries) {
            ObjectNode n = list.addObject();
            n.put("seq", e.seq);
            n.put("action", e.action.name());
            n.put("matterCode", e.matterCode);
            n.put("kind", e.kind.name());
            n.put("matterVersion", e.matterVersion);
            if (e.reason != null) {
                n.put("reason", e.reason);
            }
            n.set("content", e.content);
        }
        return canonical(m);
    }

    /** The canonical batch statement of a published batch, the bytes that are signed. */
    public static String statement(PublicationBatch batch) {
        ObjectNode m = NODES.objectNode();
        m.put("schema", STATEMENT_SCHEMA);
        m.put("authority", batch.authorityCode);
        m.put("batchNumber", batch.number);
        m.put("logIndex", batch.logIndex);
        m.put("publishedAt", timestamp(batch.publishedAt));
        m.put("manifestHash", batch.manifestHash);
        if (batch.previousHash == null) {
            m.putNull("previousManifestHash");
        } else {
            m.put("previousManifestHash", batch.previousHash);
        }
        return canonical(m);
    }

    /** The canonical payload of a tree head, the bytes that are signed. */
    public static String treeHead(int treeSize, String rootHash, Instant timestamp, String authorityCode) {
        ObjectNode h = NODES.objectNode();
        h.put("schema", TREE_HEAD_SCHEMA);
        h.put("treeSize", treeSize);
        h.put("rootHash", rootHash);
        h.put("timestamp", timestamp(timestamp));
        h.put("authority", authorityCode);
        return canonical(h);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String canonical(ObjectNode node) {
        return new String(CanonicalJson.canonicalize(node.toString()), StandardCharsets.UTF_8);
    }
}
