-- Articles, their versions, the statements extracted from each version, and
-- a full-text index over the current version of every article.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL UNIQUE,        -- path as given, "-", PATH#N or URL
    url           TEXT,
    outlet        TEXT,
    lang          TEXT,
    published     TEXT,                        -- YYYY, YYYY-MM or YYYY-MM-DD; NULL when unknown
    precision     TEXT NOT NULL DEFAULT 'unknown' CHECK (precision IN ('day','month','year','unknown')),
    date_inferred INTEGER NOT NULL DEFAULT 0,
    title         TEXT,
    format        TEXT NOT NULL,
    duplicate_of  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    version       INTEGER NOT NULL DEFAULT 1,  -- number of the current version
    created_at    TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE versions (
    id           INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    sha256       TEXT NOT NULL,               -- of the bytes the version was read from
    text_sha256  TEXT NOT NULL,               -- of the stored text (syndicated copies)
    text         TEXT NOT NULL,
    body_start   INTEGER NOT NULL,
    body_end     INTEGER NOT NULL,
    title_start  INTEGER NOT NULL DEFAULT 0,
    title_end    INTEGER NOT NULL DEFAULT 0,
    boilerplate  TEXT NOT NULL DEFAULT '[]',  -- JSON [[start,end],...]
    ingested_at  TEXT NOT NULL,
    UNIQUE (article, version)
);
CREATE INDEX versions_text_sha256 ON versions(text_sha256);

CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    article      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,            -- index in extraction order
    kind         TEXT NOT NULL CHECK (kind IN ('direct','indirect','assertion')),
    text         TEXT NOT NULL,
    speaker      TEXT,
    speaker_id   TEXT,
    speaker_kind TEXT,
    cue          TEXT,
    cue_start    INTEGER NOT NULL DEFAULT 0,
    cue_end      INTEGER NOT NULL DEFAULT 0,
    via          TEXT,
    partial      INTEGER NOT NULL DEFAULT 0,
    lang         TEXT,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    rule         TEXT,
    confidence   REAL NOT NULL DEFAULT 0,
    UNIQUE (version_id, seq)
);
CREATE INDEX statements_article ON statements(article);
CREATE INDEX statements_speaker_id ON statements(speaker_id);

-- The current text of every article, for the full-text index and snippets.
CREATE VIEW current_text (rowid, title, text) AS
    SELECT a.id, COALESCE(a.title, ''), v.text
    FROM articles a JOIN versions v ON v.article = a.id AND v.version = a.version;

-- unicode61 with remove_diacritics 2: searches ignore case and accents.
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text,
    content = 'current_text', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
