package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleTree;
import org.certfree.proofs.publication.dto.ConsistencyProofView;
import org.certfree.proofs.publication.dto.InclusionProofView;
import org.certfree.proofs.publication.dto.TreeHeadView;
import org.certfree.proofs.publication.dto.VerificationReport;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * The append-only Merkle log of published batches (RFC 9162 style): leaf {@code i} is the manifest
 * hash (32 bytes) of the batch with log index {@code i}, hashed as SHA-256(0x00 || manifest hash).
 * After every publish a tree head (size, root, timestamp) is stored and signed. Also recomputes the
 * whole record on demand ({@link #verify()}).
 */
@ApplicationScoped
public class TransparencyLog {

    @Inject
    EntityManager em;

    @Inject
    BatchSigner signer;

    @Inject
    PublishedRows rows;

    @Inject
    Clock clock;

    /** The other records' checks (proofs, sealed logs …), each provided by the feature that keeps the record. */
    @Inject
    @Any
    Instance<IntegrityCheck> integrityChecks;

    /** Appends the tree head over every published batch; called inside the publishing transaction. */
    void appendTreeHead(String authorityCode, Instant timestamp) {
        List<String> hashes = storedManifestHashes();
        int size = hashes.size();
        String root = MerkleHash.toHex(tree(hashes).rootHash());
        String payload = Manifests.treeHead(size, root, timestamp, authorityCode);
        String signature = signer.sign(authorityCode, payload.getBytes(StandardCharsets.UTF_8), BatchSigner.TREE_HEAD_TYP);
        em.createNativeQuery("""
                INSERT INTO transparency_tree_head (tree_size, root_hash, issued_at, authority_code, payload, signature, signed_at)
                VALUES (:size, :root, :at, :authority, :payload, :signature, :signedAt)""")
                .setParameter("size", size)
                .setParameter("root", root)
                .setParameter("at", OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC))
                .setParameter("authority", authorityCode)
                .setParameter("payload", payload)
                .setParameter("signature", signature)
                .setParameter("signedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The latest tree head, or the one of {@code treeSize}. */
    public TreeHeadView treeHead(Integer treeSize) {
        int size = size();
        if (size == 0) {
            throw ApiException.notFound(Messages.TRANSPARENCY_EMPTY);
        }
        int wanted = treeSize == null ? size : treeSize;
        if (wanted < 1 || wanted > size) {
            throw ApiException.badParameter("treeSize", Messages.TRANSPARENCY_TREE_SIZE.formatted(size));
        }
        return storedTreeHeads().get(wanted);
    }

    /** Inclusion proof of a published batch in the tree of {@code treeSize} (default: the current size). */
    public InclusionProofView inclusion(PublicationBatch batch, Integer treeSize) {
        List<String> hashes = storedManifestHashes();
        int size = hashes.size();
        int wanted = treeSize == null ? size : treeSize;
        if (wanted < 1 || wanted > size) {
            throw ApiException.badParameter("treeSize", Messages.TRANSPARENCY_TREE_SIZE.formatted(size));
        }
        if (batch.logIndex >= wanted) {
            throw ApiException.badParameter("treeSize", Messages.TRANSPARENCY_LEAF_OUTSIDE.formatted(batch.number,
                    batch.logIndex, wanted, batch.logIndex));
        }
        MerkleTree tree = tree(hashes);
        List<String> path = tree.inclusionProof(batch.logIndex, wanted).stream().map(MerkleHash::toHex).toList();
        return new InclusionProofView(batch.id, batch.number, batch.logIndex, wanted, batch.manifestHash,
                MerkleHash.toHex(MerkleHash.leaf(MerkleHash.fromHex(batch.manifestHash))),
                MerkleHash.toHex(tree.rootHash(wanted)), path);
    }

    /** Consistency proof between tree sizes {@code first} and {@code second} (default: the current size). */
    public ConsistencyProofView consistency(Integer first, Integer second) {
        List<String> hashes = storedManifestHashes();
        int size = hashes.size();
        int m = first == null ? 0 : first;
        int n = second == null ? size : second;
        if (m < 1 || m > n || n > size) {
            throw ApiException.badParameter(first == null || m < 1 || m > n ? "first" : "second",
                    Messages.TRANSPARENCY_CONSISTENCY_RANGE.formatted(size));
        }
        MerkleTree tree = tree(hashes);
        return new ConsistencyProofView(m, n, MerkleHash.toHex(tree.rootHash(m)), MerkleHash.toHex(tree.rootHash(n)),
                tree.consistencyProof(m, n).stream().map(MerkleHash::toHex).toList());
    }

    /** Number of published batches (the log's size). */
    public int size() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM publication_batch WHERE status = 'PUBLISHED'")
                .getSingleResult()).intValue();
    }

    /**
     * Recomputes everything that was published from the stored rows and reports every mismatch: a
     * change made behind the service's back (even by someone able to bypass the triggers) shows here.
     * Then runs every {@link IntegrityCheck} of the other features.
     */
    @Transactional
    public VerificationReport verify() {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        List<PublicationBatch> batches = PublicationBatch.list("status = ?1 order by logIndex", BatchStatus.PUBLISHED);
        Map<Long, List<BatchEntry>> entries = new HashMap<>();
        for (BatchEntry e : BatchEntry.<BatchEntry>list("publishedAt is not null order by batchId, seq")) {
            entries.computeIfAbsent(e.batchId, k -> new ArrayList<>()).add(e);
        }
        List<byte[]> leaves = new ArrayList<>();
        String previousHash = null;
        int signaturesChecked = 0;
        int signaturesMissing = 0;
        for (int i = 0; i < batches.size(); i++) {
            PublicationBatch b = batches.get(i);
            if (!Objects.equals(b.logIndex, i)) {
                problems.add(problem("LOG_INDEX", b, null, null, Messages.TRANSPARENCY_CHECK_LOG_INDEX.formatted(i, b.logIndex)));
            }
            String recomputedHash = Manifests.sha256Hex(b.manifest);
            if (!recomputedHash.equals(b.manifestHash)) {
                problems.add(problem("MANIFEST_HASH", b, null, null,
                        Messages.TRANSPARENCY_CHECK_MANIFEST_HASH.formatted(recomputedHash, b.manifestHash)));
            }
            List<BatchEntry> own = entries.getOrDefault(b.id, List.of());
            for (BatchEntry e : own) {
                String fields = PublishedRows.servedFieldsDifferingFromContent(b, e);
                if (fields != null) {
                    problems.add(problem("ENTRY_FIELDS", b, null, e.matterCode, Messages.TRANSPARENCY_CHECK_ENTRY_FIELDS.formatted(fields)));
                }
            }
            String rebuilt;
            try {
                rebuilt = Manifests.manifest(b, own);
            } catch (RuntimeException e) {
                rebuilt = null;
            }
            if (!b.manifest.equals(rebuilt)) {
                problems.add(problem("MANIFEST_CONTENT", b, null, null,
                        Messages.TRANSPARENCY_CHECK_MANIFEST_CONTENT.formatted(own.size())));
            }
            if (!Objects.equals(b.previousHash, previousHash)) {
                problems.add(problem("CHAIN", b, null, null,
                        Messages.TRANSPARENCY_CHECK_CHAIN.formatted(previousHash, b.previousHash)));
            }
            previousHash = recomputedHash;
            leaves.add(MerkleHash.leaf(MerkleHash.fromHex(recomputedHash)));
            if (b.signature == null) { // only by tampering: publishing always signs (V26)
                signaturesMissing++;
                problems.add(problem("SIGNATURE", b, null, null, Messages.TRANSPARENCY_CHECK_BATCH_UNSIGNED));
            } else {
                // the statement is rebuilt from the row with the recomputed hash: the signature covers the manifest
                PublicationBatch claimed = new PublicationBatch();
                claimed.authorityCode = b.authorityCode;
                claimed.number = b.number;
                claimed.logIndex = b.logIndex;
                claimed.publishedAt = b.publishedAt;
                claimed.manifestHash = recomputedHash;
                claimed.previousHash = b.previousHash;
                signaturesChecked++;
                if (!signer.verify(b.signature, b.authorityCode, Manifests.statement(claimed).getBytes(StandardCharsets.UTF_8))) {
                    problems.add(problem("SIGNATURE", b, null, null, Messages.TRANSPARENCY_CHECK_BATCH_SIGNATURE));
                }
            }
        }
        MerkleTree tree = MerkleTree.of(leaves);
        Map<Integer, TreeHeadView> heads = storedTreeHeads();
        for (TreeHeadView head : heads.values()) {
            if (head.treeSize() > leaves.size()) {
                problems.add(new VerificationReport.Problem("MERKLE_ROOT", null, null, head.treeSize(), null,
                        Messages.TRANSPARENCY_CHECK_HEAD_TOO_LARGE.formatted(head.treeSize(), leaves.size())));
                continue;
            }
            String root = MerkleHash.toHex(tree.rootHash(head.treeSize()));
            if (!root.equals(head.rootHash())) {
                problems.add(new VerificationReport.Problem("MERKLE_ROOT", null, null, head.treeSize(), null,
                        Messages.TRANSPARENCY_CHECK_ROOT.formatted(root, head.rootHash())));
            }
            String payload = Manifests.treeHead(head.treeSize(), head.rootHash(), head.timestamp(), head.authorityCode());
            if (!payload.equals(head.payload())) {
                problems.add(new VerificationReport.Problem("MERKLE_ROOT", null, null, head.treeSize(), null,
                        Messages.TRANSPARENCY_CHECK_HEAD_PAYLOAD));
            }
            if (head.signature() == null) { // only by tampering: every tree head is signed when it is stored
                signaturesMissing++;
                problems.add(new VerificationReport.Problem("SIGNATURE", null, null, head.treeSize(), null, Messages.TRANSPARENCY_CHECK_HEAD_UNSIGNED));
            } else {
                signaturesChecked++;
                if (!signer.verify(head.signature(), head.authorityCode(), head.payload().getBytes(StandardCharsets.UTF_8))) {
                    problems.add(new VerificationReport.Problem("SIGNATURE", null, null, head.treeSize(), null,
                            Messages.TRANSPARENCY_CHECK_HEAD_SIGNATURE));
                }
            }
        }
        if (!leaves.isEmpty() && !heads.containsKey(leaves.size())) {
            problems.add(new VerificationReport.Problem("MERKLE_ROOT", null, null, leaves.size(), null,
                    Messages.TRANSPARENCY_CHECK_HEAD_MISSING.formatted(leaves.size())));
        }
        problems.addAll(rows.checkCurrentLists());
        String root = MerkleHash.toHex(tree.rootHash());
        List<IntegrityFindings> records = integrityChecks.stream().map(IntegrityCheck::check).toList();
        boolean consistent = problems.isEmpty() && records.stream().allMatch(IntegrityFindings::consistent);
        return new VerificationReport(consistent, clock.instant(), batches.size(), leaves.size(), root,
                signaturesChecked, signaturesMissing, problems, records);
    }

    private static VerificationReport.Problem problem(String check, PublicationBatch b, Integer treeSize, String code,
            String detail) {
        return new VerificationReport.Problem(check, b.id, b.number, treeSize, code, detail);
    }

    private List<String> storedManifestHashes() {
        @SuppressWarnings("unchecked")
        List<String> hashes = em.createNativeQuery(
                "SELECT manifest_hash FROM publication_batch WHERE status = 'PUBLISHED' ORDER BY log_index").getResultList();
        return hashes;
    }

    private static MerkleTree tree(List<String> manifestHashes) {
        return MerkleTree.of(manifestHashes.stream().map(h -> MerkleHash.leaf(MerkleHash.fromHex(h))).toList());
    }

    private Map<Integer, TreeHeadView> storedTreeHeads() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT tree_size, root_hash, issued_at, authority_code, payload, signature
                FROM transparency_tree_head ORDER BY tree_size""").getResultList();
        Map<Integer, TreeHeadView> heads = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            int size = ((Number) r[0]).intValue();
            heads.put(size, new TreeHeadView(size, (String) r[1], instant(r[2]), (String) r[3], (String) r[4],
                    r[5] == null ? null : "SIGNED", (String) r[5]));
        }
        return heads;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

}
