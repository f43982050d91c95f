package org.ordo.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords of people ({@link Users}), also without a web server (the check mode). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** BCrypt today, with an {id} prefix in each hash so that the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
