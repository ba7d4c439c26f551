"""The SQL schema of a paperkg database (version stored in PRAGMA user_version)."""

SCHEMA_VERSION = 10

# Every insert, update and delete of a paper, logged by triggers in the writer's own
# transaction, whichever process writes: a running server reads the log to update its graph
# with the papers that changed (graph/live.py), and sees a batch whole or not at all.
CHANGE_LOG = """
CREATE TABLE IF NOT EXISTS paper_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, paper_id TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS papers_inserted AFTER INSERT ON papers
    BEGIN INSERT INTO paper_changes (paper_id) VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS papers_updated AFTER UPDATE ON papers
    BEGIN INSERT INTO paper_changes (paper_id) VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS papers_deleted AFTER DELETE ON papers
    BEGIN INSERT INTO paper_changes (paper_id) VALUES (old.id); END;
"""

# The corpus step (graph/corpus.py): settings it keeps between ingests, and the mentions it
# holds back (columns of `mentions`, then why, and the fingerprint of the paper they came from).
CORPUS_TABLES = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS held_mentions (
    paper_id TEXT NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, sentence TEXT NOT NULL, type TEXT NOT NULL, entity_id TEXT NOT NULL,
    confidence REAL NOT NULL, component TEXT NOT NULL, role TEXT NOT NULL,
    phrase_start INTEGER, phrase_end INTEGER,
    reason TEXT NOT NULL, fingerprint TEXT
);
CREATE INDEX IF NOT EXISTS held_by_entity ON held_mentions (entity_id);
CREATE INDEX IF NOT EXISTS held_by_paper ON held_mentions (paper_id);
"""

# Year, venue and DOI of a paper (version 5). Rows stored before have NULL there; a NULL
# year stands for the date's year (`Paper.publication_year`, `store.YEAR_SQL`), which the
# readers now fill, so the migration rewrites no row and logs no paper as changed.
BIBLIOGRAPHIC_COLUMNS = """
ALTER TABLE papers ADD COLUMN year INTEGER;
ALTER TABLE papers ADD COLUMN venue TEXT;
ALTER TABLE papers ADD COLUMN doi TEXT;
"""

# Each mention's corpus vote (version 6, graph/mention_votes.py), computed where it was
# extracted; NULL in rows written before, which the corpus step fills once when it reads them.
VOTE_COLUMNS = """
ALTER TABLE mentions ADD COLUMN evidence TEXT;
ALTER TABLE mentions ADD COLUMN defines TEXT;
ALTER TABLE held_mentions ADD COLUMN evidence TEXT;
ALTER TABLE held_mentions ADD COLUMN defines TEXT;
"""

# Whether a mention's sentence gives its paper a reading of the name of its own (version 7,
# graph/mention_votes.py): 1, or 2 once a gazetteer name's split weighed it with the name,
# type and aliases kept in `weighed_forms`; 0 for none; NULL until computed. The corpus
# step reads the marked mentions alone: two partial indexes find the unmarked ones (an
# ingest's new mentions, rows of before version 7) and those marked 1, without reading
# every mention of "GPT-4" to find them.
READING_COLUMNS = """
ALTER TABLE mentions ADD COLUMN reads INTEGER;
ALTER TABLE held_mentions ADD COLUMN reads INTEGER;
CREATE INDEX IF NOT EXISTS mentions_unmarked ON mentions (entity_id) WHERE reads IS NULL;
CREATE INDEX IF NOT EXISTS mentions_reading ON mentions (entity_id) WHERE reads = 1;
CREATE TABLE IF NOT EXISTS weighed_forms (entity_id TEXT PRIMARY KEY, forms TEXT NOT NULL);
"""

# The full-text row of a paper has the paper's rowid (version 8): a rewritten or deleted
# paper's row is found by rowid. Before, it was found by `id`, a column FTS5 does not index:
# a scan of the whole index, 0.28 s a paper at 75k. The table is made again with those rowids.
FTS_BY_ROWID = """
DROP TABLE IF EXISTS papers_fts;
CREATE VIRTUAL TABLE papers_fts USING fts5 (id UNINDEXED, title, abstract);
INSERT INTO papers_fts (rowid, id, title, abstract) SELECT rowid, id, title, abstract FROM papers ORDER BY rowid;
"""

# The full-text index reads its text from `papers` (version 9, an external-content table):
# a paper's title and abstract are stored once, not again in a `papers_fts_content` of
# FTS5's own (136 MB at 75k papers, all of it written through the log and checkpointed).
# Its rows are kept by hand: a paper's text is indexed under its rowid when written, and
# taken out with FTS5's 'delete' command and the text it was indexed with before it
# changes or goes (`store_rows.FTS_DELETE_SQL`). Segments are merged 16 to a level, not 4:
# an ingest's batches each add one, and merging them four at a time was about a quarter of the
# index's CPU time (searches at 75k papers take the same time either way).
FTS_TABLE = """
CREATE VIRTUAL TABLE papers_fts USING fts5 (id UNINDEXED, title, abstract, content='papers', content_rowid='rowid');
INSERT INTO papers_fts (papers_fts, rank) VALUES ('automerge', 16);
"""
FTS_EXTERNAL = "DROP TABLE IF EXISTS papers_fts;" + FTS_TABLE + """
INSERT INTO papers_fts (papers_fts) VALUES ('rebuild');
"""

# mentions_edges (READ_INDEXES) starts with paper_id: an index on paper_id alone only cost
# every mention written one more index insert (version 6).
DROP_PAPER_INDEX = """
DROP INDEX IF EXISTS mentions_by_paper;
"""

# Each sentence is stored once, in its paper (version 10): a mention row keeps where its
# sentence is in its field (`sentence_start`, `sentence_end`, character offsets as Python
# slices them), not the sentence's text, which every mention of it repeated (253 MB of the
# 660 MB of a 75k store). The columns are added, filled from the text they replace by
# locating it in the paper's field (`locate_sentence`, a function the store gives this
# connection), and the text dropped; a store made new takes the same steps, so both have
# one form. Every reader gets the text back by slicing the paper's field (`sentence_sql`).
SENTENCE_SPANS = """
ALTER TABLE mentions ADD COLUMN sentence_start INTEGER;
ALTER TABLE mentions ADD COLUMN sentence_end INTEGER;
ALTER TABLE held_mentions ADD COLUMN sentence_start INTEGER;
ALTER TABLE held_mentions ADD COLUMN sentence_end INTEGER;
""" + "".join(f"""
UPDATE {table} SET sentence_start = locate_sentence((SELECT CASE {table}.field WHEN 'title' THEN title ELSE abstract END
    FROM papers WHERE papers.id = {table}.paper_id), sentence, start);
UPDATE {table} SET sentence_end = sentence_start + length(sentence);
ALTER TABLE {table} DROP COLUMN sentence;
""" for table in ("mentions", "held_mentions"))


# The stored text of a mention's field, for a query that joins `mentions m` to `papers p`.
FIELD_TEXT = "CASE m.field WHEN 'title' THEN p.title ELSE p.abstract END"


def sentence_sql(mention: str = "m") -> str:
    """The SQL of a mention row's sentence (the row named `mention`: a table or its alias):
    the slice of its paper's stored title or abstract that its span gives."""
    return (f"(SELECT substr(CASE {mention}.field WHEN 'title' THEN papers.title ELSE papers.abstract END, "
            f"{mention}.sentence_start + 1, {mention}.sentence_end - {mention}.sentence_start) "
            f"FROM papers WHERE papers.id = {mention}.paper_id)")


# The columns of a mention record (records.Mention) as stored, in its order: the sentence
# as its span.
MENTION_COLUMNS = ('paper_id, field, start, "end", text, sentence_start, sentence_end, type, entity_id, '
                   'confidence, component, role, phrase_start, phrase_end')

# What a held mention keeps besides its record: its vote and its reading mark.
HELD_COLUMNS = f"{MENTION_COLUMNS}, evidence, defines, reads"

SCHEMA = """
CREATE TABLE papers (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    abstract TEXT NOT NULL,
    date TEXT,
    authors TEXT NOT NULL,          -- JSON list
    authors_count INTEGER,
    upvotes INTEGER,
    code_urls TEXT NOT NULL,        -- JSON list
    urls TEXT NOT NULL,             -- JSON list
    arxiv_id TEXT,
    categories TEXT NOT NULL,       -- JSON list
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    year INTEGER,
    venue TEXT,
    doi TEXT
);
CREATE INDEX papers_by_date ON papers (date DESC, id);
""" + FTS_TABLE + """

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    variant_of TEXT,
    external_ids TEXT NOT NULL,     -- JSON list of [scheme, value]
    origin TEXT NOT NULL
);
CREATE INDEX entities_by_type ON entities (type);

CREATE TABLE aliases (
    key TEXT NOT NULL,              -- records.entity_key(alias)
    alias TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    PRIMARY KEY (key, alias, entity_id)
);
CREATE INDEX aliases_by_entity ON aliases (entity_id);

CREATE TABLE mentions (
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    confidence REAL NOT NULL,
    component TEXT NOT NULL,
    role TEXT NOT NULL,
    phrase_start INTEGER,           -- the noun phrase the name stands in ("TED corpus")
    phrase_end INTEGER
);
CREATE INDEX mentions_by_entity ON mentions (entity_id, paper_id);

CREATE TABLE results (
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    metric TEXT,
    value REAL NOT NULL,
    unit TEXT,
    model_id TEXT,
    metric_id TEXT                  -- the METRIC entity `metric` names, when known
);
CREATE INDEX results_by_paper ON results (paper_id);
CREATE INDEX results_by_entity ON results (entity_id);

CREATE VIEW entity_paper_counts AS
    SELECT entity_id, count(DISTINCT paper_id) AS papers FROM mentions GROUP BY entity_id;
""" + CHANGE_LOG + CORPUS_TABLES + VOTE_COLUMNS + READING_COLUMNS + SENTENCE_SPANS

# How a database of an older version becomes the current one: the SQL that takes version
# N to N + 1. Columns are only ever added, at the end, so that `SELECT *` reads old and
# new databases alike; rows written before a migration have NULL in them.
MIGRATIONS: dict[int, str] = {
    1: """
ALTER TABLE mentions ADD COLUMN phrase_start INTEGER;
ALTER TABLE mentions ADD COLUMN phrase_end INTEGER;
ALTER TABLE results ADD COLUMN metric_id TEXT;
""",
    2: CHANGE_LOG,
    3: CORPUS_TABLES,
    4: BIBLIOGRAPHIC_COLUMNS,
    5: VOTE_COLUMNS + DROP_PAPER_INDEX,
    6: READING_COLUMNS,
    7: FTS_BY_ROWID,
    8: FTS_EXTERNAL,
    9: SENTENCE_SPANS,
}

# Indexes that neither the writes of an ingest nor its change checks read, only readers and
# the corpus step after the batches. An ingest into an empty store drops them while it
# writes and builds each once after (`Store.deferred_indexes`; those the corpus step reads
# before it, the others after it): one sort instead of a random insert a row, which cost a
# third of the SQLite time of writing the mentions. Made
# on every open when missing, as READ_INDEXES are, so an ingest killed halfway leaves none
# missing. The text is the schema's own (SQLite stores it without "IF NOT EXISTS").
DEFERRED_INDEXES = {
    "papers_by_date": "papers (date DESC, id)",
    "entities_by_type": "entities (type)",
    "aliases_by_entity": "aliases (entity_id)",
    "mentions_by_entity": "mentions (entity_id, paper_id)",
    "results_by_entity": "results (entity_id)",
    # the corpus step's partial indexes (READING_COLUMNS): every new mention went into
    # the first, at a random place, while the batches were written
    "mentions_unmarked": "mentions (entity_id) WHERE reads IS NULL",
    "mentions_reading": "mentions (entity_id) WHERE reads = 1",
}
DEFERRED_INDEXES_SQL = "".join(f"CREATE INDEX IF NOT EXISTS {name} ON {spec};\n"
                               for name, spec in DEFERRED_INDEXES.items())

# Indexes of the read path, made on every open when missing (CREATE ... IF NOT EXISTS), so
# that they need no version of their own and reach databases of any version. The first
# open of a large database pays for them once (2.4 s at 790k mentions).
READ_INDEXES = """
-- Covers the edge aggregate (Store.iter_edge_rows): building the graph of 75k papers
-- reads this index alone, 1.8 s instead of 9.7 s through the table.
CREATE INDEX IF NOT EXISTS mentions_edges ON mentions (paper_id, entity_id, role, confidence);
-- The discovered names a later ingest starts from (Store.matched_discovered), read without
-- a scan of every mention.
CREATE INDEX IF NOT EXISTS mentions_discovered ON mentions (entity_id) WHERE component = 'kg_discovered';
"""
