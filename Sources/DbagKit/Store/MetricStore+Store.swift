/// The SQLite store is the default engine of the store interface.
extension MetricStore: Store {}
