package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/entigraph/entigraph/graph"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite": pure Go, no cgo
)

// SchemaVersion is the layout of the tables, kept in PRAGMA user_version.
// A store of another version is refused, never misread or rewritten.
const SchemaVersion = 1

// applicationID marks a SQLite file as an entigraph store (PRAGMA
// application_id): "EGST".
const applicationID = 0x45475354

// schema creates the tables of a new store. docs.seq is the rowid, so it
// grows in the order documents were first indexed: the order a batch run
// would have read them, which decides which copy of an article is kept.
const schema = `
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE batches (
	id      INTEGER PRIMARY KEY,
	partial BLOB -- the merged partial graph of the batch's documents, JSON, gzip; NULL once one was replaced
);
CREATE TABLE docs (
	seq       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	batch     INTEGER NOT NULL REFERENCES batches (id), -- the commit that wrote it
	digest    BLOB NOT NULL,    -- the text and date exactly: a change replaces the document
	hash      INTEGER NOT NULL, -- entigraph.ContentHash: copies share it
	date      INTEGER,          -- Unix seconds; NULL when undated
	sentences INTEGER NOT NULL,
	tokens    INTEGER NOT NULL,
	mentions  INTEGER NOT NULL,
	relations INTEGER NOT NULL,
	partial   BLOB,             -- the document's graph.Partial, JSON, gzip; NULL when it failed
	doc       BLOB,             -- the annotated document without tokens, JSON, gzip; NULL when it failed
	error     TEXT              -- why analysis failed
);
`

// Store is an entigraph corpus store: the analysed documents of a corpus
// in one SQLite file. It is safe for concurrent use, and several
// processes may use one file: one writes while the others read.
type Store struct {
	path string
	db   *sql.DB
}

// ErrNotStore is returned for a file that is not an entigraph store.
var ErrNotStore = errors.New("not an entigraph store")

// ErrDamaged is returned for a store whose file is damaged (truncated,
// overwritten in part).
var ErrDamaged = errors.New("damaged store")

// ErrVersion is returned for a store written with another schema version.
var ErrVersion = errors.New("unsupported store schema version")

// Open opens the store at path, creating it when path does not exist or
// is an empty file.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, true)
}

// OpenExisting opens the store at path, which must exist.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, false)
}

func open(ctx context.Context, path string, create bool) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store %q: the path must be non-empty, without ? or #", path)
	}
	fresh, err := checkFile(path, create)
	if err != nil {
		return nil, err
	}
	// busy_timeout makes a second writer wait for the first instead of
	// failing at once; synchronous NORMAL is safe in WAL mode (a crash
	// loses no committed transaction, a power cut at most the last).
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(30000)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Store{path: path, db: db}
	if err := s.check(ctx, fresh && create); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkFile refuses a path that is not a SQLite file before SQLite opens
// it, so that nothing is ever written to it. It reports whether the
// file is absent or empty.
func checkFile(path string, create bool) (fresh bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		if !create {
			return false, fmt.Errorf("%s: no such store (entigraph index --db %s makes one)", path, path)
		}
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		if !create {
			return false, fmt.Errorf("%s: %w: the file is empty", path, ErrNotStore)
		}
		return true, nil
	case err != nil && err != io.ErrUnexpectedEOF:
		return false, fmt.Errorf("%s: %w", path, err)
	case !bytes.Equal(head[:n], sqliteMagic) || n < len(sqliteMagic):
		return false, fmt.Errorf("%s: %w: not a SQLite database", path, ErrNotStore)
	}
	return false, nil
}

// check reads the store's identity and version, creating the tables when
// the file is new; then it checks the whole file when it will be written.
func (s *Store) check(ctx context.Context, create bool) error {
	var app, version, tables int
	row := s.db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)`)
	if err := row.Scan(&app, &version, &tables); err != nil {
		// The file starts as a SQLite database does.
		return s.errorf("%w: %v", ErrDamaged, err)
	}
	switch {
	case app == 0 && version == 0 && tables == 0:
		if !create {
			return s.errorf("%w: the database is empty (entigraph index --db %s fills it)", ErrNotStore, s.path)
		}
		return s.create(ctx)
	case app != applicationID:
		return s.errorf("%w: a SQLite database of another application", ErrNotStore)
	case version > SchemaVersion:
		return s.errorf("%w: the store has schema version %d, newer than this entigraph's %d: use a newer entigraph", ErrVersion, version, SchemaVersion)
	case version < SchemaVersion:
		return s.errorf("%w: the store has schema version %d, older than this entigraph's %d: index the corpus into a new store", ErrVersion, version, SchemaVersion)
	}
	return nil
}

// create makes the tables of a new store in one transaction, and turns on
// WAL mode, in which readers go on while a writer commits.
func (s *Store) create(ctx context.Context) error {
	err := s.write(ctx, func(c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, schema); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, SchemaVersion))
		return err
	})
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return s.errorf("turning on WAL: %v", err)
	}
	return nil
}

// Verify checks the whole file (PRAGMA quick_check): Index calls it
// before its first write, so that a damaged store is refused, not made
// worse.
func (s *Store) Verify(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return s.errorf("%w: %v", ErrDamaged, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return s.errorf("%w: %v", ErrDamaged, err)
		}
		if p != "ok" && len(problems) < 3 {
			problems = append(problems, p)
		}
	}
	if err := rows.Err(); err != nil {
		return s.errorf("%w: %v", ErrDamaged, err)
	}
	if len(problems) > 0 {
		return s.errorf("%w: %s", ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return s.errorf("%v", err)
	}
	return nil
}

// errorf wraps an error with the store's path.
func (s *Store) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: "+format, append([]any{s.path}, args...)...)
}

// write runs f in one write transaction on one connection: BEGIN
// IMMEDIATE takes the write lock at once, so that two writers queue
// (busy_timeout) rather than fail when upgrading a read lock.
func (s *Store) write(ctx context.Context, f func(*sql.Conn) error) (err error) {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return s.errorf("%v", err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return s.errorf("%v", err)
	}
	if err := f(c); err != nil {
		// The rollback must happen even when ctx has ended.
		c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return s.errorf("%v", err)
	}
	if _, err := c.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return s.errorf("commit: %v", err)
	}
	return nil
}

// Settings are the options that shape a document's partial graph: the
// store keeps them (table meta), and a build that asks for others
// recomputes the partials from the stored documents.
type Settings struct {
	Scope graph.Scope
	// Evidence is the number of passages kept per edge (0: none).
	Evidence int
	// Aliases identifies the aliases rules (AliasesDigest of the file
	// they were read from), "" for none.
	Aliases string
	// NoRelations is set when documents were analysed without relations.
	NoRelations bool
}

// settingsOf returns the settings of graph options, whose Aliases are
// identified by aliases.
func settingsOf(o graph.Options, aliases string, noRelations bool) (Settings, error) {
	if o.Aliases != nil && aliases == "" {
		return Settings{}, errors.New("aliases rules given without their digest (store.AliasesDigest)")
	}
	if o.Aliases == nil {
		aliases = ""
	}
	ev := o.Evidence
	switch {
	case ev == 0:
		ev = graph.DefaultEvidence
	case ev < 0:
		ev = 0
	}
	return Settings{Scope: o.Scope, Evidence: ev, Aliases: aliases, NoRelations: noRelations}, nil
}

func (st Settings) String() string {
	al := "none"
	if st.Aliases != "" {
		al = st.Aliases
	}
	rel := "relations"
	if st.NoRelations {
		rel = "no relations"
	}
	return fmt.Sprintf("scope %s, evidence %d, aliases %s, %s", st.Scope, st.Evidence, al, rel)
}

// Settings returns the settings the store's documents were indexed with,
// and false for a store never indexed.
func (s *Store) Settings(ctx context.Context) (Settings, bool, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM meta")
	if err != nil {
		return Settings{}, false, s.errorf("%v", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return Settings{}, false, s.errorf("%v", err)
		}
		m[k] = v
	}
	if err := rows.Err(); err != nil {
		return Settings{}, false, s.errorf("%v", err)
	}
	if _, ok := m["scope"]; !ok {
		return Settings{}, false, nil
	}
	var st Settings
	if st.Scope, err = graph.ParseScope(m["scope"]); err != nil {
		return Settings{}, false, s.errorf("meta: %v", err)
	}
	if st.Evidence, err = strconv.Atoi(m["evidence"]); err != nil {
		return Settings{}, false, s.errorf("meta: evidence: %v", err)
	}
	st.Aliases, st.NoRelations = m["aliases"], m["relations"] == "off"
	return st, true, nil
}
