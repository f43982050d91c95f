-- catalog: articles that can never be taken back (hygiene articles, made to measure, ...). Digital articles
-- never can once downloaded; the return request refuses both, naming the line.
ALTER TABLE article ADD COLUMN returnable boolean NOT NULL DEFAULT true;
