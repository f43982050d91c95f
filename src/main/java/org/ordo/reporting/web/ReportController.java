package org.ordo.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.reporting.Reports;
import org.ordo.reporting.Summary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Figures for the dashboard")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/summary")
    @Operation(operationId = "getReportSummary", summary = "The dashboard's figures", description = """
            Orders per UTC day and channel over the last `days` days (default 14, at most 92), the backlog of open
            and held orders by status and age, how many of them are late (promised date passed, nothing shipped),
            and how many SKUs have fewer than `lowStockBelow` units available over all active locations
            (default 10). Read-only; for administrators and agents.""")
    Summary summary(@RequestParam(defaultValue = "14") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(org.ordo.reporting.Reports.MAX_DAYS) int days,
            @RequestParam(defaultValue = "10") @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(org.ordo.reporting.Reports.MAX_LOW_STOCK_BELOW) long lowStockBelow) {
        return reports.summary(days, lowStockBelow);
    }
}
