/// The PostgreSQL store's migrations, applied in order (version in `dbag_schema`):
/// the same tables and columns as the SQLite store (`StoreSchema`). Text columns
/// compare bytewise (`COLLATE "C"`), so both engines sort and export alike.
enum PostgreSQLSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE metric_values (
            metric text COLLATE "C" NOT NULL,
            key text COLLATE "C" NOT NULL DEFAULT '',
            day text COLLATE "C" NOT NULL,
            value double precision NOT NULL,
            collected_at text NOT NULL,
            PRIMARY KEY (metric, key, day)
        );
        CREATE TABLE object_labels (
            metric text COLLATE "C" NOT NULL,
            key text COLLATE "C" NOT NULL,
            label text NOT NULL,
            PRIMARY KEY (metric, key)
        );
        CREATE TABLE collection_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            metric text COLLATE "C" NOT NULL,
            day text NOT NULL,
            started_at text NOT NULL,
            finished_at text NOT NULL,
            status text NOT NULL CHECK (status IN ('ok', 'error')),
            error text
        );
        CREATE INDEX collection_runs_by_metric ON collection_runs (metric, finished_at);
        """,
        """
        CREATE TABLE events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            day text COLLATE "C" NOT NULL,
            label text COLLATE "C" NOT NULL,
            metrics text NOT NULL DEFAULT '',
            recorded_at text NOT NULL
        );
        CREATE INDEX events_by_day ON events (day);
        """,
    ]
}
