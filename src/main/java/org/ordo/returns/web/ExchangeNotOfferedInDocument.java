package org.ordo.returns.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A return request's {@code exchange} list is refused whenever it is given (exchanges are not offered yet), so the
 * document says it holds at most 0 items; annotations cannot, since they read 0 as "no limit".
 */
@Component
class ExchangeNotOfferedInDocument implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Schema<?> request = api.getComponents().getSchemas().get("RequestReturn");
        if (request != null && request.getProperties() != null && request.getProperties().get("exchange") != null) {
            request.getProperties().get("exchange").setMaxItems(0);
        }
    }
}
