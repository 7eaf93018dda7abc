-- Normalised facts found inside statements (counts, dates, places, ...),
-- indexed by event so findings compare claims within event candidates.
CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    article     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    statement   INTEGER REFERENCES statements(id) ON DELETE CASCADE,
    attribute   TEXT NOT NULL,
    event       TEXT,
    event_key   TEXT,
    value       TEXT NOT NULL,
    vague       INTEGER NOT NULL DEFAULT 0,
    negated     INTEGER NOT NULL DEFAULT 0,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    data        TEXT NOT NULL              -- the whole fact as JSON
);
CREATE INDEX facts_article ON facts(article);
CREATE INDEX facts_event ON facts(event, attribute);
