package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One legal basis of a retained proof: the law or regulation and its article ("法有规定"). */
@Schema(name = "LegalBasis", description = "设定依据：法律法规名称及条款 / legal basis: law and article")
public record LegalBasis(
        @Schema(description = "法律法规名称，用书名号 / law or regulation, in 《》", examples = "《中华人民共和国户口登记条例》")
        @NotBlank(message = "须填写法律法规名称 law")
        @Size(max = 100, message = "法律法规名称最长 100 字")
        @Pattern(regexp = "^《[^《》]+》.*$", message = "法律法规名称须用书名号，如《中华人民共和国户口登记条例》")
        String law,
        @Schema(description = "条款 / article", examples = "第十五条")
        @NotBlank(message = "须填写条款 article，如“第十五条”")
        @Size(max = 60, message = "条款最长 60 字")
        @Pattern(regexp = "^第[0-9一二三四五六七八九十百千零〇两]+条.*$", message = "条款须以“第…条”开头，如“第十五条第二款”")
        String article) {
}
