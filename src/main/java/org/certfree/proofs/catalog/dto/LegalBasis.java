package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One legal basis of a retained proof: the law or regulation and its article ("法有规定"). */
@Schema(name = "LegalBasis", description = "设定依据：法律法规名称及条款 / legal basis: law and article")
public record LegalBasis(
        @Schema(description = "法律法规名称，用书名号 / law or regulation, in 《》", examples = "《中华人民共和国户口登记条例》")
        @NotBlank(message = Messages.MATTER_LAW_REQUIRED)
        @Size(max = 100, message = Messages.MATTER_LAW_TOO_LONG)
        @Pattern(regexp = "^《[^《》]+》.*$", message = Messages.MATTER_LAW_FORMAT)
        String law,
        @Schema(description = "条款 / article", examples = "第十五条")
        @NotBlank(message = Messages.MATTER_ARTICLE_REQUIRED)
        @Size(max = 60, message = Messages.MATTER_ARTICLE_TOO_LONG)
        @Pattern(regexp = "^第[0-9一二三四五六七八九十百千零〇两]+条.*$", message = Messages.MATTER_ARTICLE_FORMAT)
        String article) {
}
