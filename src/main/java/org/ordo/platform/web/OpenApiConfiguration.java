package org.ordo.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, and the API key scheme so that Swagger UI can send a key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ordoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ordo API").version("v1")
                        .description("Order processing and fulfillment. Authenticate with Authorization: Bearer "
                                + "<API key>; errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An Ordo API key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
