-- Full-text index over statements, for provenance candidates. Triggers keep
-- it in step with the statements table (also on cascading deletes).
CREATE VIRTUAL TABLE statement_fts USING fts5(
    text,
    content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO statement_fts(rowid, text) SELECT id, text FROM statements;
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
