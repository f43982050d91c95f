-- catalog: the GS1 trade item number (GTIN/EAN) by which EDI partners order an article. Optional; the check digit
-- is verified in Java (ArticleDraft), the shape and uniqueness here.
ALTER TABLE article ADD COLUMN gtin text CHECK (gtin ~ '^([0-9]{8}|[0-9]{12,14})$');
CREATE UNIQUE INDEX article_gtin_idx ON article (gtin);
