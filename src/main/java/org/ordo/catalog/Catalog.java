package org.ordo.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ordo.catalog.internal.Articles;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The articles Ordo sells. */
@Service
public class Catalog {

    private final Articles articles;

    Catalog(Articles articles) {
        this.articles = articles;
    }

    /** Registers a new article; refuses a SKU that exists (409) and invalid fields (422). */
    @Transactional
    public Article register(ArticleDraft draft) {
        ArticleDraft.Checked checked = draft.check();
        if (articles.find(draft.sku()).isPresent()) {
            throw new ConflictException("duplicate-sku", "Duplicate SKU", "An article with SKU " + draft.sku()
                    + " exists", Map.of("sku", draft.sku()));
        }
        refuseTakenGtin(draft.gtin(), draft.sku());
        return articles.insert(draft, checked.price(), checked.taxRate());
    }

    /** Changes an article; the SKU in the path is the key and cannot change; past orders keep their prices. */
    @Transactional
    public Article change(String sku, ArticleDraft draft) {
        if (draft.sku() != null && !draft.sku().equals(sku)) {
            throw new InvalidInputException("sku", "cannot be changed (" + sku + ")");
        }
        ArticleDraft withSku = new ArticleDraft(sku, draft.type(), draft.name(), draft.price(), draft.taxRate(),
                draft.priceIncludesTax(), draft.weightGrams(), draft.backorderable(), draft.active(), draft.gtin());
        ArticleDraft.Checked checked = withSku.check();
        refuseTakenGtin(draft.gtin(), sku);
        return articles.update(withSku, checked.price(), checked.taxRate())
                .orElseThrow(() -> new NotFoundException("Article", sku));
    }

    /** A clear 409 for the common case; the unique index still decides when two requests race. */
    private void refuseTakenGtin(String gtin, String sku) {
        if (gtin != null) {
            articles.skuOfGtin(gtin).filter(other -> !other.equals(sku)).ifPresent(other -> {
                throw new ConflictException("duplicate-gtin", "Duplicate GTIN", "Article " + other + " has GTIN " + gtin,
                        Map.of("field", "gtin", "sku", other));
            });
        }
    }

    /** The SKUs of the articles with these GTINs, keyed by GTIN; unknown GTINs are simply absent. */
    public Map<String, String> skusByGtin(Collection<String> gtins) {
        return articles.skusByGtin(gtins);
    }

    public Optional<Article> find(String sku) {
        return articles.find(sku);
    }

    public Article require(String sku) {
        return find(sku).orElseThrow(() -> new NotFoundException("Article", sku));
    }

    /** The articles with these SKUs, keyed by SKU; unknown SKUs are simply absent. */
    public Map<String, Article> findAll(Collection<String> skus) {
        return articles.findAll(skus);
    }

    /** Articles in SKU order after {@code afterSku}; {@code q} matches SKU prefix or name. */
    public List<Article> list(String q, ArticleType type, Boolean active, String afterSku, int limit) {
        return articles.list(q, type, active, afterSku, limit);
    }
}
