package org.ordo.backoffice.web;

import java.time.Clock;
import java.time.Duration;

import org.ordo.backoffice.Screen;
import org.ordo.outsourcing.FulfilmentPartner;
import org.ordo.outsourcing.OutsourcingManagement;
import org.ordo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outsourced fulfilment for people: the external locations (3PLs, dropship suppliers) with the age of their stock,
 * the routing rules, and one partner's fulfilment requests with how they fare and, for dropship, the margin.
 */
@Controller
@RequestMapping("/partners")
class PartnersScreenController {

    private final OutsourcingManagement outsourcing;
    private final Clock clock;

    PartnersScreenController(OutsourcingManagement outsourcing, Clock clock) {
        this.outsourcing = outsourcing;
        this.clock = clock;
    }

    @Bean
    static Screen partnersScreen() {
        return new Screen("/partners", "nav.partners", 42, Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    }

    /** A partner's stock as Ordo knows it, in whole minutes since its last stock report; null when none came. */
    record Row(FulfilmentPartner partner, Long stockAgeMinutes) {
    }

    @GetMapping
    String partners(@RequestParam(defaultValue = "") String location, Model model) {
        model.addAttribute("partners", outsourcing.partners().stream().map(p -> new Row(p,
                p.stockReportedAt() == null ? null : Duration.between(p.stockReportedAt(), clock.instant()).toMinutes()))
                .toList());
        model.addAttribute("rules", outsourcing.rules());
        model.addAttribute("location", location);
        model.addAttribute("requests", location.isBlank() ? java.util.List.of() : outsourcing.requests(location, 50));
        return "backoffice/partners/partners";
    }
}
