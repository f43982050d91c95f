package org.ordo.platform.web;

import org.ordo.platform.TextInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The security firewall with Spring's strict defaults, and TextInput's one-line rule for every query and form
 * parameter value: a NUL, a line break or another control character (tab aside) in a back-office form or a
 * query is refused before any controller sees it (400 naming "parameters"), as it is in a JSON body. Every
 * parameter is one line: the back office has no text areas, and the API takes text over several lines only in
 * JSON bodies (see {@link org.ordo.platform.MultiLine}).
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> TextInput.fault(value, false) == null);
        return firewall;
    }
}
