package org.ordo.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * The one clock of the application (UTC): code that depends on time injects it, so tests can move time and the
 * demo data can place orders on past days ({@link Backdating}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Backdating.clock(Clock.systemUTC());
    }

    /** Listeners that run after commit on the task executor see the moment of the work that caused them. */
    @Bean
    TaskDecorator backdatedListeners() {
        return Backdating.decorator();
    }
}
