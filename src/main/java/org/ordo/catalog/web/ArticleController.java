package org.ordo.catalog.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.catalog.Article;
import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "The catalog: SKUs, prices, tax rates, names per locale")
class ArticleController {

    private final Catalog catalog;

    ArticleController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerArticle", summary = "Register an article", description = "409 when the SKU exists; 422 names invalid fields.")
    Article register(@RequestBody ArticleDraft draft) {
        return catalog.register(draft);
    }

    @PutMapping("/{sku}")
    @Operation(operationId = "changeArticle", summary = "Change an article", description = "Orders already placed keep the price they were placed at.")
    Article change(@PathVariable String sku, @RequestBody ArticleDraft draft) {
        return catalog.change(sku, draft);
    }

    @GetMapping("/{sku}")
    @Operation(operationId = "getArticle", summary = "One article")
    Article get(@PathVariable String sku) {
        return catalog.require(sku);
    }

    @GetMapping
    @Operation(operationId = "listArticles", summary = "List articles in SKU order", description = "Keyset paging: pass `next` as `after`.")
    Slice<Article> list(@RequestParam(required = false) String q, @RequestParam(required = false) ArticleType type,
            @Parameter(schema = @Schema(type = "boolean")) @RequestParam(required = false) String active,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        Slice.checkLimit(limit, 200);
        return Slice.of(catalog.list(q, type, strictBoolean(active), after, limit + 1), limit, Article::sku);
    }

    /** true or false as written: Spring's conversion would also read yes, on and 1 (docs/api/conventions.md). */
    private static Boolean strictBoolean(String active) {
        if (active == null || active.equals("true") || active.equals("false")) {
            return active == null ? null : Boolean.valueOf(active);
        }
        throw new InvalidInputException("active", Wording.of("platform.must_be_true_or_false"));
    }
}
