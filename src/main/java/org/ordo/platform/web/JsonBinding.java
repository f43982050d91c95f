package org.ordo.platform.web;

import java.util.List;

import org.ordo.platform.Json;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every JSON request body is bound by the one strict configuration ({@link org.ordo.platform.StrictJson}), the
 * same that intake reads orders with; answers are written as before. The JSON converter is replaced where it
 * stands, so byte and text bodies still reach their own converters first.
 */
@Configuration(proxyBeanMethods = false)
class JsonBinding implements WebMvcConfigurer {

    private final Json json;

    JsonBinding(Json json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(c -> c instanceof JacksonJsonHttpMessageConverter
                ? new JacksonJsonHttpMessageConverter(json.requestMapper()) : c);
    }
}
