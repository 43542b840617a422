package org.medfund.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document ({@code /api/openapi.json}, public): bearer-token security for every operation. */
@Configuration
class OpenApiConfig {

    static {
        // Idempotent calls answer the stored JSON as a JsonNode: document it as a plain object, not as JsonNode's
        // Java getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
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
