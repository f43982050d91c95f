package org.ordo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ordo: order processing and fulfillment. One Spring Modulith application; each top-level package is a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Ordo {

    public static void main(String[] args) {
        SpringApplication.run(Ordo.class, args);
    }
}
