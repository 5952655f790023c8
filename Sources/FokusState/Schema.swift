/// The schema of the Fokus state database, as a list of migrations.
///
/// One SQLite file (by default `var/fokus.sqlite`) holds everything the CLI and the daemon must
/// remember between runs. All tables are `STRICT`; every time is ISO-8601 UTC text with
/// milliseconds (`2024-03-01T09:30:00.000Z`), which sorts in time order; every list is a JSON
/// array of strings. Identifier keys (scope, area and measure ids, periods, jobs) are stored in
/// Unicode NFC, so `Kungsör` typed on any keyboard is one scope.
///
/// - `adopted_areas`: focus areas the situation-picture group adopted for follow-up
///   (`fokus adopt ID --from 2024`). One row per (scope, area, first period); adopting the
///   same triple again updates its measures, note and time. `measures` lists the measure ids
///   decided for the area.
/// - `adoption_history` (version 2): every change to `adopted_areas`, oldest first: `action` is
///   `adopted`, `corrected` (measures or note changed by adopting the same area and period
///   again) or `removed`, with the measures and note after the change (for `removed`, those the
///   adoption had) and `recorded_at`, when the change was made. Adoptions made before version 2
///   enter it as `adopted` at their `adopted_at`.
/// - `evaluations`: one row per evaluation run: scope, period, when, a digest of the rules used,
///   the full `report.json` and the selected area ids. The newest row of a scope (highest `id`)
///   is what `--compare` and the daemon compare against.
/// - `ingested_files`: the ledger of data files read, one row per (path, SHA-256) pair, with
///   size, kind and when that content was first and last seen at that path. A new row means a
///   new or changed file.
/// - `mail_queue`: report mails of the daemon. A mail is `queued` until delivered (`sent`) or
///   given up (`failed`); a failed attempt keeps it `queued`, counts `attempts` and moves
///   `next_attempt_at` (back-off), so nothing is lost across restarts. `message_id` is unique,
///   so queueing the same report twice is a no-op and a restart never re-sends it.
///   `evaluation_id` points at the evaluation reported (kept `NULL` if that row is deleted).
/// - `file_aggregates` (version 3): what one data file contributes to a dataset (crime cells with
///   their periods and year-to-date spans, survey and signal rows, resources, population, names,
///   warnings), as a compact binary archive, keyed by the file's SHA-256, the name it was read
///   under (its extension picks the reader; its diagnostics name it) and the reader's
///   `format_version`: a Fokus whose readers changed finds no rows of its version and reads the
///   file again. Rejected files are never stored here.
/// - `file_signatures` (version 3): the last known content of each data file by its absolute path
///   and what `stat` said of it then (size, inode, modification and change times in
///   nanoseconds): a file whose `stat` is unchanged is taken to hold that content, so it is
///   neither read nor hashed again, not even after a restart.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "create the first schema", sql: version1),
        Migration(version: 2, name: "keep the history of adoptions", sql: version2),
        Migration(version: 3, name: "cache each data file's aggregates", sql: version3),
    ]

    static let migrator = Migrator(migrations)

    /// The `GLOB` a stored timestamp matches.
    private static let timestampGlob = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'"

    private static func isTimestamp(_ column: String) -> String {
        "\(column) GLOB \(timestampGlob)"
    }

    private static func isStringArray(_ column: String) -> String {
        "json_valid(\(column)) AND json_type(\(column)) = 'array'"
    }

    static let version1 = """
        CREATE TABLE adopted_areas (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL CHECK (scope <> ''),
            area_id TEXT NOT NULL CHECK (area_id <> ''),
            from_period TEXT NOT NULL CHECK (from_period <> ''),
            measures TEXT NOT NULL DEFAULT '[]' CHECK (\(isStringArray("measures"))),
            note TEXT,
            adopted_at TEXT NOT NULL CHECK (\(isTimestamp("adopted_at"))),
            UNIQUE (scope, area_id, from_period)
        ) STRICT;

        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL CHECK (scope <> ''),
            period TEXT NOT NULL CHECK (period <> ''),
            evaluated_at TEXT NOT NULL CHECK (\(isTimestamp("evaluated_at"))),
            rules_digest TEXT NOT NULL,
            report_json TEXT NOT NULL CHECK (json_valid(report_json)),
            selected_ids TEXT NOT NULL DEFAULT '[]' CHECK (\(isStringArray("selected_ids")))
        ) STRICT;
        CREATE INDEX evaluations_by_scope ON evaluations (scope, period, id);

        CREATE TABLE ingested_files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL CHECK (path <> ''),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            size INTEGER NOT NULL CHECK (size >= 0),
            kind TEXT NOT NULL,
            first_seen_at TEXT NOT NULL CHECK (\(isTimestamp("first_seen_at"))),
            last_seen_at TEXT NOT NULL CHECK (\(isTimestamp("last_seen_at"))),
            UNIQUE (path, sha256)
        ) STRICT;

        CREATE TABLE mail_queue (
            id INTEGER PRIMARY KEY,
            job TEXT NOT NULL,
            evaluation_id INTEGER REFERENCES evaluations (id) ON DELETE SET NULL,
            recipients TEXT NOT NULL CHECK (\(isStringArray("recipients")) AND json_array_length(recipients) > 0),
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            message_id TEXT NOT NULL UNIQUE CHECK (message_id <> ''),
            status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at TEXT CHECK (next_attempt_at IS NULL OR \(isTimestamp("next_attempt_at"))),
            last_error TEXT,
            created_at TEXT NOT NULL CHECK (\(isTimestamp("created_at"))),
            sent_at TEXT CHECK (sent_at IS NULL OR \(isTimestamp("sent_at"))),
            CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
            CHECK (status <> 'queued' OR next_attempt_at IS NOT NULL)
        ) STRICT;
        CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);
        CREATE INDEX mail_queue_by_evaluation ON mail_queue (evaluation_id);
        """

    static let version2 = """
        CREATE TABLE adoption_history (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('adopted', 'corrected', 'removed')),
            scope TEXT NOT NULL CHECK (scope <> ''),
            area_id TEXT NOT NULL CHECK (area_id <> ''),
            from_period TEXT NOT NULL CHECK (from_period <> ''),
            measures TEXT NOT NULL DEFAULT '[]' CHECK (\(isStringArray("measures"))),
            note TEXT,
            recorded_at TEXT NOT NULL CHECK (\(isTimestamp("recorded_at")))
        ) STRICT;
        CREATE INDEX adoption_history_by_scope ON adoption_history (scope, id);

        INSERT INTO adoption_history (action, scope, area_id, from_period, measures, note, recorded_at)
        SELECT 'adopted', scope, area_id, from_period, measures, note, adopted_at
        FROM adopted_areas ORDER BY adopted_at, id;
        """

    static let version3 = """
        CREATE TABLE file_aggregates (
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            name TEXT NOT NULL CHECK (name <> ''),
            format_version INTEGER NOT NULL,
            aggregates BLOB NOT NULL,
            stored_at TEXT NOT NULL CHECK (\(isTimestamp("stored_at"))),
            PRIMARY KEY (sha256, name, format_version)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE file_signatures (
            path TEXT PRIMARY KEY CHECK (path <> ''),
            size INTEGER NOT NULL CHECK (size >= 0),
            inode INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            changed_ns INTEGER NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
        ) STRICT, WITHOUT ROWID;
        """
}
