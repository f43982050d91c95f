package org.ordo.platform.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, licence and server, and the API key scheme so that Swagger UI can send a key; the
 * rules that make every operation say what the server answers are in {@link ApiContract}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ordoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ordo API").version("v1")
                        .description("Order processing and fulfillment. Authenticate with Authorization: Bearer "
                                + "<API key>; errors are RFC 9457 problem details.")
                        .contact(new Contact().name("Ordo project"))
                        .license(new License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                // OpenAPI 3.0 has no licence identifier: the name is the SPDX identifier. A server with a variable,
                // not the one springdoc guesses from the request: the published document (docs/api/openapi.json)
                // must not change with the port it was read from.
                .servers(List.of(new Server().url("http://{host}").description("An Ordo installation")
                        .variables(new ServerVariables().addServerVariable("host", new ServerVariable()
                                ._default("localhost:8080").description("host and port of your Ordo")))))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An Ordo API key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
