package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.Scenario;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.StorableTime;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.dto.ListEntryView;
import org.certfree.proofs.publication.dto.ListPage;
import org.certfree.proofs.publication.dto.RequirementView;
import org.certfree.proofs.system.openapi.Examples;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public proof-matter lists as published: now, or as of any earlier date ("was this proof still
 * required on that day?"). No login needed.
 */
@Path("/api/v1/lists")
@Tag(name = "lists", description = "公开的证明事项清单 / The public proof-matter lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private static final String KIND = "清单：retained（保留）、cancelled（取消）、notify-commit（告知承诺）/ list kind";
    private static final String AS_OF = "截至日期（当日结束时，如 2024-03-01）或时间（如 2024-03-01T10:00:00+08:00），默认现在 / as of a date or instant";

    @Inject
    EffectiveLists lists;

    @Inject
    ObjectMapper json;

    @Inject
    ListHistory history;

    @GET
    @Path("{kind}")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "查询清单（公开，可按日期回溯）/ Read a list, now or as of a date (public)",
            description = "清单为截至 asOf 已发布的全部批次依次叠加的结果。q 按空格分词，每个词都须出现在编码、名称、部门、依据或内容中。"
                    + " / The list is the fold of every batch published up to asOf. q is split on spaces; every term must occur.")
    @APIResponse(responseCode = "200", description = "一页清单 / a page of the list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListPage.class),
                    examples = @ExampleObject(name = "retained-search", summary = "保留清单中检索“户籍” / the retained list searched for 户籍",
                            value = Examples.LIST_PAGE)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public ListPage list(
            @Parameter(description = KIND, schema = @Schema(type = SchemaType.STRING, enumeration = { "retained", "cancelled", "notify-commit" }))
            @PathParam("kind") String kind,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = "文字 / text") @QueryParam("q") String q,
            @Parameter(description = "开具部门编码 / department code") @QueryParam("department") String department,
            @Parameter(description = "使用场景 / scenario") @QueryParam("scenario") Scenario scenario,
            @Parameter(description = "页码，从 0 开始 / page, 0-based") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数（1–200）/ page size") @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return lists.page(new EffectiveLists.Filter(kind(kind), AsOf.parse(asOf), q, blank(department), scenario), paging);
    }

    @GET
    @Path("{kind}/export")
    @PermitAll
    @SecurityRequirements
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "导出清单（JSON 或 CSV，公开）/ Export a list as JSON or CSV (public)",
            description = "CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开。/ CSV is UTF-8 with a byte-order mark for Excel.")
    @APIResponse(responseCode = "200", description = "导出文件 / the export")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public Response export(
            @Parameter(description = KIND, schema = @Schema(type = SchemaType.STRING, enumeration = { "retained", "cancelled", "notify-commit" }))
            @PathParam("kind") String kind,
            @Parameter(description = "json 或 csv / json or csv") @QueryParam("format") String format,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = "文字 / text") @QueryParam("q") String q,
            @Parameter(description = "开具部门编码 / department code") @QueryParam("department") String department,
            @Parameter(description = "使用场景 / scenario") @QueryParam("scenario") Scenario scenario) {
        ListKind k = kind(kind);
        String f = format == null ? "csv" : format;
        if (!f.equals("csv") && !f.equals("json")) {
            throw ApiException.badParameter("format", Messages.EXPORT_FORMAT_INVALID);
        }
        Instant at = AsOf.parse(asOf);
        EffectiveLists.Filter filter = new EffectiveLists.Filter(k, at, q, blank(department), scenario);
        String filename = "list-" + k.slug() + (asOf == null || asOf.isBlank() ? "" : "-" + asOf.trim().replace(':', '-'));
        if (f.equals("json")) {
            List<ListEntryView> all = new ArrayList<>();
            ListPage info = lists.scan(filter, all::add);
            ObjectNode doc = json.createObjectNode();
            doc.put("kind", k.name());
            doc.put("kindUri", k.uri());
            doc.put("kindLabel", k.label());
            doc.put("asOf", info.asOf() == null ? null : info.asOf().toString());
            doc.put("logSize", info.logSize());
            doc.put("total", info.total());
            ArrayNode entries = doc.putArray("entries");
            all.forEach(e -> entries.add(json.valueToTree(e)));
            return PublicationBatchResource.attachment(Response.ok(doc, MediaType.APPLICATION_JSON_TYPE), filename + ".json");
        }
        List<String> header = new ArrayList<>(Exports.contentHeader(k));
        header.addAll(Messages.EXPORT_LIST_COLUMNS);
        byte[] csv = Exports.csv(header, printer -> lists.scan(filter, e -> {
            List<String> row = new ArrayList<>(Exports.contentRow(e.content()));
            row.add(e.effectiveSince().atZone(org.certfree.proofs.common.ControllableClock.ZONE).toOffsetDateTime().toString());
            row.add(e.batchNumber());
            Exports.print(printer, row);
        }));
        return PublicationBatchResource.attachment(Response.ok(csv, Exports.CSV_MEDIA_TYPE), filename + ".csv");
    }

    @GET
    @Path("requirement")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "某日某事项在哪个清单上（公开）/ Which list a matter was on at a date (public)",
            description = "date 当日结束时（北京时间）该事项在保留、取消或告知承诺清单上，还是不在任何清单上；自哪一批次起；"
                    + "之后被哪一批次移出或移到其他清单、理由；以及现状。用作异议和投诉的证据。无需登录。"
                    + " / The list the matter was on at the end of that day (China Standard Time), or none; since which batch;"
                    + " the later batch that removed or moved it and why; and its current state. Evidence for disputes and complaints.")
    @APIResponse(responseCode = "200", description = "回答 / the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequirementView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404", description = "该事项从未发布 / the matter was never published")
    public RequirementView requirement(
            @Parameter(description = "事项编码 / matter code", required = true) @QueryParam("matter") String matter,
            @Parameter(description = "日期，如 2024-03-01（当日结束时）/ a date (its end)") @QueryParam("date") String date,
            @Parameter(description = "或一个时刻（ISO-8601，如 2024-03-01T10:00:00Z），与 date 二选一 / or an instant, instead of date")
            @QueryParam("at") String at) {
        if (matter == null || matter.isBlank()) {
            throw ApiException.badParameter("matter", Messages.REQUIREMENT_MATTER_REQUIRED);
        }
        if (at != null && !at.isBlank()) {
            if (date != null && !date.isBlank()) {
                throw ApiException.badParameter("at", Messages.REQUIREMENT_DATE_OR_AT);
            }
            Instant instant = instant(at);
            return history.at(matter.trim(), LocalDate.ofInstant(instant, ControllableClock.ZONE), instant)
                    .orElseThrow(() -> ApiException.notFound(Messages.REQUIREMENT_NEVER_PUBLISHED.formatted(matter.trim())));
        }
        LocalDate day = day(date);
        return history.at(matter.trim(), day)
                .orElseThrow(() -> ApiException.notFound(Messages.REQUIREMENT_NEVER_PUBLISHED.formatted(matter.trim())));
    }

    /** An instant with offset (ISO-8601) in the storable range; 400 otherwise. */
    private static Instant instant(String at) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("at", Messages.REQUIREMENT_AT_INVALID);
        }
        if (!StorableTime.storable(instant)) {
            throw ApiException.badParameter("at", Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted("at"));
        }
        return instant;
    }

    /** A calendar date (yyyy-MM-dd) in the storable range; 400 otherwise. */
    public static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw ApiException.badParameter("date", Messages.REQUIREMENT_DATE_INVALID);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("date", Messages.REQUIREMENT_DATE_INVALID);
        }
        if (!StorableTime.storable(ListHistory.endOf(day))) {
            throw ApiException.badParameter("date", Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted("date"));
        }
        return day;
    }

    @GET
    @Path("{kind}/{code}")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "清单上的一个事项（公开，可按日期回溯）/ One matter on a list, now or as of a date (public)",
            description = "某一事项在 asOf 时（默认现在）清单上的内容、生效时间和发布它的批次；当时不在该清单上返回 404。无需登录。"
                    + " / One matter on a list as of asOf (default now): its content, since when it applies and the batch that published it; 404 when it was not on that list then. No login needed.")
    @APIResponse(responseCode = "200", description = "清单条目 / the list entry")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public ListEntryView entry(
            @Parameter(description = KIND, schema = @Schema(type = SchemaType.STRING, enumeration = { "retained", "cancelled", "notify-commit" }))
            @PathParam("kind") String kind,
            @PathParam("code") String code,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        ListKind k = kind(kind);
        Instant at = AsOf.parse(asOf);
        return lists.entry(k, code, at).orElseThrow(() -> ApiException.notFound(Messages.LIST_ENTRY_NOT_FOUND.formatted(
                code, at == null ? Messages.AS_OF_NOW : at.atZone(org.certfree.proofs.common.ControllableClock.ZONE).toOffsetDateTime(), k.label())));
    }

    private static ListKind kind(String slug) {
        return ListKind.fromSlug(slug).orElseThrow(() -> ApiException.notFound(Messages.LIST_KIND_UNKNOWN.formatted(slug)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
