package org.ordo.platform.web;

import org.ordo.platform.TextInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The security firewall with Spring's strict defaults, and TextInput's rule for every query and form parameter
 * value: a NUL or a control character other than tab and line breaks in a back-office form or a query is
 * refused before any controller sees it (400 naming "parameters"), as it is in a JSON body. Line breaks stay
 * allowed here because a form's text area may hold several lines; one-line fields refuse them in their service
 * or, for redirects, in the controller.
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> TextInput.fault(value, true) == null);
        return firewall;
    }
}
