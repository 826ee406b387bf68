package org.certfree.proofs.system.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.certfree.proofs.common.json.CanonicalJson;

/**
 * One row of a {@link SealedLog} as it is sealed: its id, transaction id, own time, its columns' values
 * as text ({@code fields}) and leaf, the RFC
 * 8785 canonical JSON of its columns ({@code {"column": "value", …}}, every value a string,
 * timestamps as UTC ISO-8601 instants, null columns left out so a column added later leaves the
 * leaves of older rows unchanged).
 */
public record SealedRow(String id, long txid, Instant at, byte[] leaf, Map<String, String> fields) {

    /**
     * The row at the cursor of {@code rs}: {@code columns} are the sealed ones (their names are the
     * leaf's keys; they must include {@code id} and {@code txid}), {@code timeColumn} the row's own time.
     */
    public static SealedRow read(ResultSet rs, List<String> columns, String timeColumn) throws SQLException {
        TreeMap<String, String> fields = new TreeMap<>();
        Instant at = null;
        for (String column : columns) {
            int index = rs.findColumn(column);
            int type = rs.getMetaData().getColumnType(index);
            String value;
            if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                value = t == null ? null : t.toInstant().toString();
                if (column.equals(timeColumn) && t != null) {
                    at = t.toInstant();
                }
            } else {
                value = rs.getString(index);
            }
            if (value != null) {
                fields.put(column, value);
            }
        }
        byte[] leaf = CanonicalJson.canonicalizeStrings(fields);
        return new SealedRow(rs.getString("id"), rs.getLong("txid"), at, leaf, Collections.unmodifiableMap(fields));
    }

    /** The leaf as text (for tests and diagnostics). */
    public String leafText() {
        return new String(leaf, StandardCharsets.UTF_8);
    }
}
