package org.ordo.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ordo.catalog.internal.Articles;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The articles Ordo sells. */
@Service
public class Catalog {

    private final Articles articles;
    private final List<ArticleUsage> usages;

    Catalog(Articles articles, List<ArticleUsage> usages) {
        this.articles = articles;
        this.usages = usages;
    }

    /** Registers a new article; refuses a SKU that exists (409) and invalid fields (422). */
    @Transactional
    public Article register(ArticleDraft draft) {
        ArticleDraft.Checked checked = draft.check();
        if (articles.find(draft.sku()).isPresent()) {
            throw new ConflictException("duplicate-sku", "Duplicate SKU",
                    Wording.of("catalog.an_article_with_sku_exists", draft.sku()), Map.of("sku", draft.sku()));
        }
        refuseTakenGtin(draft.gtin(), draft.sku());
        return articles.insert(draft, checked.price(), checked.taxRate());
    }

    /**
     * Changes an article; the SKU in the path is the key and cannot change; past orders keep their prices. Locks
     * the article; refuses (409) to change its type or currency while stock, reservations or open orders hold it
     * (see {@link ArticleUsage}), and waits for those who use it meanwhile ({@link #findAllForUse}).
     */
    @Transactional
    public Article change(String sku, ArticleDraft draft) {
        if (draft.sku() != null && !draft.sku().equals(sku)) {
            throw new InvalidInputException("sku", Wording.of("catalog.cannot_be_changed", sku));
        }
        ArticleDraft withSku = new ArticleDraft(sku, draft.type(), draft.name(), draft.price(), draft.taxRate(),
                draft.priceIncludesTax(), draft.weightGrams(), draft.backorderable(), draft.active(), draft.gtin(),
                draft.returnable());
        ArticleDraft.Checked checked = withSku.check();
        Article current = articles.lockForChange(sku).orElseThrow(() -> new NotFoundException("Article", sku));
        List<Wording> changes = new java.util.ArrayList<>();
        if (current.type() != withSku.type()) {
            changes.add(Wording.of("catalog.change_become", withSku.type()));
        }
        if (!current.price().currency().equals(checked.price().currency())) {
            changes.add(Wording.of("catalog.change_currency", current.price().currency(),
                    checked.price().currency()));
        }
        if (!changes.isEmpty()) {
            List<String> held = usages.stream().map(u -> u.holding(sku)).flatMap(Optional::stream).toList();
            if (!held.isEmpty()) {
                throw new ConflictException("article-in-use", "Article in use",
                        Wording.of("catalog.article_cannot_while_it_is_held", sku, changes.size() == 1 ? changes.get(0)
                                : Wording.of("catalog.either", changes.get(0), changes.get(1)),
                        String.join("; ", held)),
                        Map.of("sku", sku, "heldBy", held));
            }
        }
        refuseTakenGtin(draft.gtin(), sku);
        return articles.update(withSku, checked.price(), checked.taxRate())
                .orElseThrow(() -> new NotFoundException("Article", sku));
    }

    /**
     * The articles with these SKUs, keyed by SKU, each locked until the caller's transaction ends so that its
     * nature (type, currency) cannot change under what the caller does with it (reserve, place, receive). Other
     * changes of the article (price, names) do not wait for this lock, nor do other users of the article.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Map<String, Article> findAllForUse(Collection<String> skus) {
        return articles.findAllForUse(skus);
    }

    /** A clear 409 for the common case; the unique index still decides when two requests race. */
    private void refuseTakenGtin(String gtin, String sku) {
        if (gtin != null) {
            articles.skuOfGtin(gtin).filter(other -> !other.equals(sku)).ifPresent(other -> {
                throw new ConflictException("duplicate-gtin", "Duplicate GTIN", Wording.of("catalog.article_has_gtin",
                        other, gtin),
                        Map.of("field", "gtin", "sku", other));
            });
        }
    }

    /** The SKUs of the articles with these GTINs, keyed by GTIN; unknown GTINs are simply absent. */
    public Map<String, String> skusByGtin(Collection<String> gtins) {
        return articles.skusByGtin(gtins);
    }

    /**
     * Whether a scanned code names this article: its SKU in any case (scanners and hand typing differ in case), or
     * its GTIN, the barcode printed on most goods. One rule for every scan, on the screens and in the API.
     */
    public boolean scanNames(String scanned, String sku) {
        if (scanned == null || scanned.isBlank() || sku == null) {
            return false;
        }
        String code = scanned.trim();
        return code.equalsIgnoreCase(sku)
                || Gtin.isValid(code) && articles.skuOfGtin(code).filter(sku::equals).isPresent();
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

    /**
     * The active physical articles that are one of these SKU stems (each ending in '-') followed by one part without
     * '-' ({@code TSHIRT-BLUE-} gives {@code TSHIRT-BLUE-M}, not {@code TSHIRT-BLUE-L-SLIM}), keyed by stem, at most
     * {@code perStem} each in SKU order: the sizes of many lines in one query.
     */
    public Map<String, List<Article>> variants(Collection<String> stems, int perStem) {
        return articles.variants(stems, perStem);
    }
}
