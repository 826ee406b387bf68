package org.certfree.proofs.system.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every 4xx/5xx response declared on a resource method the shared problem-document schema
 * and a bilingual description, so resources only name the status codes they answer.
 */
public class ProblemResponseFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "请求有误 / invalid request"),
            Map.entry("401", "未登录或令牌无效 / not authenticated"),
            Map.entry("403", "无权操作 / forbidden"),
            Map.entry("404", "不存在 / not found"),
            Map.entry("406", "无法按 Accept 要求的格式返回 / not acceptable: no format the Accept header allows"),
            Map.entry("409", "冲突：重复或版本过期 / conflict: duplicate or stale version"),
            Map.entry("413", "请求体过大 / request body too large"),
            Map.entry("415", "内容类型不支持 / unsupported media type"),
            Map.entry("422", "无法处理 / cannot be processed"),
            Map.entry("429", "请求过多 / too many requests"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)));
        Schema problem = OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("稳定的问题类型 URI / stable problem type URI"))
                .addProperty("title", string("英文标题 / English title"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("中文说明 / Chinese explanation a person can act on"))
                .addProperty("instance", string("请求路径 / request path"))
                .addProperty("correlationId", string("5xx 的关联编号 / correlation id of a 5xx"))
                .addProperty("existing", string("409 重复时已有记录的地址 / location of the existing record on a duplicate"))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY)).items(fieldError));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> e : operation.getResponses().getAPIResponses().entrySet()) {
            String code = e.getKey();
            if (!(code.startsWith("4") || code.startsWith("5"))) {
                continue;
            }
            APIResponse response = e.getValue();
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(DESCRIPTIONS.getOrDefault(code, "错误 / error"));
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                Content content = OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
                response.setContent(content);
            }
        }
        return operation;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).description(description);
    }
}
