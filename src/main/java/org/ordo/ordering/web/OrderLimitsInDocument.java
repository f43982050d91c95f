package org.ordo.ordering.web;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.ordo.platform.OrdoProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The order limits that are settings ({@code ordo.orders.max-lines}, {@code ordo.orders.max-line-quantity}) go into
 * the OpenAPI document from the configuration the server runs with, so the document states the limits this server
 * enforces, not the defaults.
 */
@Component
class OrderLimitsInDocument implements GlobalOpenApiCustomizer {

    private final OrdoProperties.Orders settings;

    OrderLimitsInDocument(OrdoProperties properties) {
        this.settings = properties.orders();
    }

    @Override
    public void customise(OpenAPI api) {
        var schemas = api.getComponents().getSchemas();
        Schema<?> order = schemas.get("PlaceOrder");
        if (order != null && order.getProperties() != null && order.getProperties().get("lines") != null) {
            order.getProperties().get("lines").setMaxItems(settings.maxLines());
        }
        for (String name : java.util.List.of("NewOrderLine", "OrderChangeLine")) {
            Schema<?> line = schemas.get(name);
            if (line != null && line.getProperties() != null && line.getProperties().get("quantity") != null) {
                line.getProperties().get("quantity").setMaximum(BigDecimal.valueOf(settings.maxLineQuantity()));
            }
        }
        Schema<?> change = schemas.get("ChangeOrder");
        if (change != null && change.getProperties() != null && change.getProperties().get("lines") != null) {
            change.getProperties().get("lines").setMaxItems(settings.maxLines());
        }
    }
}
