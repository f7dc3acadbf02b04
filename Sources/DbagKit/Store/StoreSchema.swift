/// The store's migrations, applied in order by `PRAGMA user_version`.
/// Version 2 adds `events` (`metrics` is a comma-separated list of slugs, '' for every chart).
/// Documented for users in README ("The store").
enum StoreSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE metric_values (
            metric TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            day TEXT NOT NULL,
            value REAL NOT NULL,
            collected_at TEXT NOT NULL,
            PRIMARY KEY (metric, key, day)
        ) WITHOUT ROWID;
        CREATE TABLE object_labels (
            metric TEXT NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (metric, key)
        ) WITHOUT ROWID;
        CREATE TABLE collection_runs (
            id INTEGER PRIMARY KEY,
            metric TEXT NOT NULL,
            day TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
            error TEXT
        );
        CREATE INDEX collection_runs_by_metric ON collection_runs (metric, finished_at);
        """,
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            label TEXT NOT NULL,
            metrics TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX events_by_day ON events (day);
        """,
    ]
}
