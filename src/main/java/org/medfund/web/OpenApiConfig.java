package org.medfund.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Money;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document ({@code /api/openapi.json}, public): bearer-token security for every operation. */
@Configuration
class OpenApiConfig {

    /** Money as yuan text, e.g. 1234.56 or -0.05. */
    static final String MONEY_PATTERN = "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$";
    /** An amount that cannot be negative. */
    static final String AMOUNT_PATTERN = "^[0-9]{1,10}(\\.[0-9]{1,2})?$";
    static final String MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}$";

    static {
        // Idempotent calls answer the stored JSON as a JsonNode: document it as a plain object, not as JsonNode's
        // Java getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
        // Money is written as yuan text with two decimals (MoneyJson), not as its Java accessors.
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new StringSchema()
                .pattern(MONEY_PATTERN).example("1234.56")
                .description("金额（元，最多两位小数）；请求中也可为 JSON 数字"));
        SpringDocUtils.getConfig().replaceWithSchema(java.time.YearMonth.class, new StringSchema()
                .pattern(MONTH_PATTERN).example("2025-06").description("月份 yyyy-MM"));
    }

    /**
     * POST /api/settlements reads its body as text (amounts must never pass through a binary double), so springdoc
     * sees a string: the document gets the batch as it is sent, one property per national field name.
     */
    @Bean
    OpenApiCustomizer settlementBatchSchema() {
        return openApi -> {
            var operation = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/settlements");
            if (operation == null || operation.getPost() == null) {
                return;
            }
            ObjectSchema row = new ObjectSchema();
            row.setDescription("一条结算记录，字段名为国家医保平台接口字段名（docs/claims-fields.md）");
            for (String field : SettlementFields.ALL) {
                if (field.equals("setldetail")) {
                    row.addProperty(field, new ArraySchema().items(new ObjectSchema()
                            .addProperty("fund_pay_type", new StringSchema().pattern("^[0-9]{1,6}$"))
                            .addProperty("fund_payamt", new StringSchema().pattern(AMOUNT_PATTERN))));
                } else if (SettlementFields.AMOUNTS.contains(field)) {
                    row.addProperty(field, new StringSchema().pattern(AMOUNT_PATTERN)
                            .description("元，可为 JSON 数字或文本；不为负（冲正记录的金额由原记录取负）"));
                } else {
                    row.addProperty(field, new StringSchema());
                }
            }
            // A settlement needs every field but the breakdown; a reversal (refd_setl_id) only its own keys.
            row.setRequired(SettlementFields.ALL.stream()
                    .filter(f -> !f.equals("setldetail") && !f.equals("refd_setl_id")).toList());
            openApi.getComponents().addSchemas("SettlementRecordJson", row);
            ObjectSchema batch = new ObjectSchema();
            batch.addProperty("settlements", new ArraySchema().minItems(1)
                    .maxItems(SettlementIntake.API_BATCH_ROWS_MAX)
                    .items(new Schema<>().$ref("#/components/schemas/SettlementRecordJson")));
            batch.setRequired(java.util.List.of("settlements"));
            openApi.getComponents().addSchemas("SettlementBatch", batch);
            operation.getPost().getRequestBody().setContent(new Content().addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/SettlementBatch"))));
        };
    }

    @Bean
    OpenAPI medfundOpenApi() {
        return new OpenAPI()
                .info(new Info().title("medfund API").version("0.1.0")
                        .description("医保基金结算平台 REST API. Errors are RFC 9457 application/problem+json with a "
                                + "stable `code` and the offending `field` (see docs/api.md). State-changing calls "
                                + "need the header Idempotency-Key.")
                        .license(new License().name("open source")))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("API token issued by `./medfund users token USER`")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
