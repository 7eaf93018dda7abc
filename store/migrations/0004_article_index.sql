-- Provenance finds candidate statements through the article index (the
-- statements of the best-matching articles), so the statement index and
-- its triggers go: they cost a third of ingest time. The article index is
-- rebuilt with detail=column: searches are single words (never phrases or
-- NEAR), which need no token positions, and the index is smaller and
-- faster to write.
DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TABLE statement_fts;

DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text,
    content = 'current_text', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);
INSERT INTO article_fts(article_fts) VALUES ('rebuild');

-- Document frequencies of indexed words, to leave common words out of
-- provenance candidate queries.
CREATE VIRTUAL TABLE article_vocab USING fts5vocab(article_fts, 'row');
